package io.mixbench.workbench.internal;

import io.mixbench.rule.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.DeviceData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Test automation: runs a script of commands against the real window, as a user would, from its own thread (it
 * waits there, and acts on the UI thread). One command a line; {@code #} starts a comment; arguments are separated
 * by spaces and may be quoted with {@code "}. A failing command prints {@code robot: FAILED} and closes the
 * workbench with exit code 3.
 * <ul>
 * <li>{@code open PATH}, {@code closeSession}, {@code analyse}, {@code waitAnalysis [S]}: wait until no analysis
 * runs and a result is shown (S seconds at most, default 120);</li>
 * <li>{@code waitFinding RULE [S]}, {@code waitNoFinding RULE [S]}: until the shown result has (no) finding of
 * RULE;</li>
 * <li>{@code dumpFindings FILE}: the findings view's rows; {@code selectFinding N}: clicks row N (from 0);</li>
 * <li>{@code showView ID}, {@code waitView ID [S]}, {@code waitNoView ID [S]}, {@code dumpViews FILE};</li>
 * <li>{@code installPlugin JAR}: the plug-in manager's install; {@code removeFile PATH}, {@code copyFile SRC DST};
 * </li>
 * <li>{@code export FORMAT FILE}: the reports view's export; {@code screenshot PNG};</li>
 * <li>{@code openCloseSession PATH N}: open, analyse and close N times; {@code handles FILE}: live SWT resources by
 * type and the number of widgets;</li>
 * <li>{@code timings FILE}: epoch milliseconds of JVM start, window open and first findings shown;</li>
 * <li>{@code sleep MS}, {@code quit}.</li>
 * </ul>
 */
final class Robot extends Thread {

    static final String SCRIPT_PROPERTY = "mixbench.gui.script";

    private final Window window;
    private final Path script;
    private final long jvmStart;
    private final PrintStream err;

    Robot(Window window, Path script, long jvmStart, PrintStream err) {
        super("mixbench-gui-robot");
        setDaemon(true);
        this.window = window;
        this.script = script;
        this.jvmStart = jvmStart;
        this.err = err;
    }

    @Override
    public void run() {
        String current = null;
        try {
            for (String line : Files.readAllLines(script)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                current = trimmed;
                err.println("robot: " + trimmed);
                if (!command(tokens(trimmed))) {
                    return;
                }
            }
        } catch (Exception | AssertionError e) {
            err.println("robot: FAILED at '" + current + "': " + e);
            ui(() -> {
                window.exitCode = 3;
                window.shell().close();
                return null;
            });
        }
    }

    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(t.toString());
                    t.setLength(0);
                    any = false;
                }
            } else {
                t.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(t.toString());
        }
        return out;
    }

    /** Runs one command; false to stop (quit). */
    private boolean command(List<String> c) throws Exception {
        String name = c.get(0);
        switch (name) {
            case "open" -> ui(() -> {
                window.open(Path.of(c.get(1)));
                return null;
            });
            case "closeSession" -> ui(() -> {
                window.closeSession();
                return null;
            });
            case "analyse" -> ui(() -> {
                window.analyse();
                return null;
            });
            case "waitAnalysis" -> waitAnalysis(seconds(c, 1));
            case "waitFinding" -> waitUntil(seconds(c, 2), "a finding of " + c.get(1),
                    () -> ui(() -> hasFinding(c.get(1))));
            case "waitNoFinding" -> waitUntil(seconds(c, 2), "no finding of " + c.get(1),
                    () -> ui(() -> !window.analysing() && !hasFinding(c.get(1))));
            case "dumpFindings" -> Json.writeFile(Path.of(c.get(1)), ui(this::findingRows));
            case "selectFinding" -> ui(() -> {
                selectFinding(Integer.parseInt(c.get(1)));
                return null;
            });
            case "showView" -> {
                if (!ui(() -> window.showView(c.get(1)))) {
                    throw new AssertionError("no view " + c.get(1));
                }
            }
            case "waitView" -> waitUntil(seconds(c, 2), "view " + c.get(1), () -> ui(() -> window.holder(c.get(
                    1)) != null));
            case "waitNoView" -> waitUntil(seconds(c, 2), "no view " + c.get(1), () -> ui(() -> window.holder(c
                    .get(1)) == null));
            case "dumpViews" -> Json.writeFile(Path.of(c.get(1)), ui(this::views));
            case "installPlugin" -> ui(() -> {
                window.showView(PluginManagerView.ID);
                PluginManagerView.installFromFile(window, Path.of(c.get(1)));
                return null;
            });
            case "copyFile" -> Files.copy(Path.of(c.get(1)), Path.of(c.get(2)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            case "removeFile" -> Files.deleteIfExists(Path.of(c.get(1)));
            case "export" -> window.exportReport(c.get(1), Path.of(c.get(2))).get();
            case "screenshot" -> {
                Thread.sleep(300);
                ui(() -> {
                    window.screenshot(Path.of(c.get(1)));
                    return null;
                });
            }
            case "openCloseSession" -> {
                for (int i = 0; i < Integer.parseInt(c.get(2)); i++) {
                    ui(() -> {
                        window.open(Path.of(c.get(1)));
                        return null;
                    });
                    waitAnalysis(120);
                    ui(() -> {
                        window.closeSession();
                        return null;
                    });
                }
            }
            case "handles" -> Json.writeFile(Path.of(c.get(1)), ui(this::handles));
            case "timings" -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("jvmStart", jvmStart);
                t.put("windowOpen", window.windowOpenedAt);
                t.put("firstFindings", window.firstFindingsAt);
                Json.writeFile(Path.of(c.get(1)), t);
            }
            case "sleep" -> Thread.sleep(Long.parseLong(c.get(1)));
            case "quit" -> {
                ui(() -> {
                    window.shell().close();
                    return null;
                });
                return false;
            }
            default -> throw new IllegalArgumentException("unknown command " + name);
        }
        return true;
    }

    private static long seconds(List<String> c, int index) {
        return c.size() > index ? Long.parseLong(c.get(index)) : 120;
    }

    private void waitAnalysis(long seconds) throws Exception {
        waitUntil(seconds, "the analysis", () -> ui(() -> {
            if (window.lastAnalysisError != null && !window.analysing()) {
                throw new AssertionError("analysis failed: " + window.lastAnalysisError);
            }
            return !window.analysing() && window.result() != null && window.doneSeq() == window.analysisSeq();
        }));
    }

    private boolean hasFinding(String rule) {
        return window.result() != null && window.result().findings().stream().anyMatch(f -> f.ruleId().equals(rule));
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(long seconds, String what, Check check) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (!check.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private <T> T ui(Callable<T> task) {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        window.display().syncExec(() -> {
            try {
                out.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get().getMessage(), failure.get());
        }
        return out.get();
    }

    private Table findingsTable() {
        window.showView(FindingsView.ID);
        Window.ViewHolder h = window.holder(FindingsView.ID);
        Table table = h == null ? null : find(h.control, Table.class);
        if (table == null) {
            throw new AssertionError("no findings view");
        }
        return table;
    }

    private List<Object> findingRows() {
        List<Object> rows = new ArrayList<>();
        for (TableItem item : findingsTable().getItems()) {
            Finding f = (Finding) item.getData();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", item.getText(0));
            row.put("rule", item.getText(1));
            row.put("track", item.getText(2));
            row.put("message", item.getText(3));
            row.put("tracks", f.tracks());
            rows.add(row);
        }
        return rows;
    }

    private void selectFinding(int row) {
        Table table = findingsTable();
        if (row >= table.getItemCount()) {
            throw new AssertionError("the findings view has " + table.getItemCount() + " rows");
        }
        table.setSelection(row);
        Event e = new Event();
        e.item = table.getItem(row);
        table.notifyListeners(SWT.Selection, e);
    }

    private Map<String, Object> views() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Window.ViewHolder h : window.holders) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", h.id);
            v.put("name", h.name);
            v.put("category", h.category);
            v.put("bundle", h.ref.getBundle() == null ? null : h.ref.getBundle().getSymbolicName());
            v.put("created", h.created());
            v.put("state", h.state());
            list.add(v);
        }
        out.put("views", list);
        var s = window.selection();
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("tracks", s.tracks());
        selection.put("start", s.timeRange() == null ? null : s.timeRange().startSeconds());
        selection.put("end", s.timeRange() == null ? null : s.timeRange().endSeconds());
        selection.put("rule", s.finding() == null ? null : s.finding().ruleId());
        out.put("selection", selection);
        return out;
    }

    private Map<String, Object> handles() {
        DeviceData data = window.display().getDeviceData();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        int total = 0;
        if (data.objects != null) {
            for (Object o : data.objects) {
                if (o != null) {
                    byType.merge(o.getClass().getSimpleName(), 1, Integer::sum);
                    total++;
                }
            }
        }
        out.put("tracking", data.tracking);
        out.put("resources", total);
        out.put("byType", byType);
        out.put("widgets", countWidgets(window.shell()));
        return out;
    }

    private static int countWidgets(Control c) {
        int n = 1;
        if (c instanceof Table t) {
            n += t.getItemCount();
        } else if (c instanceof org.eclipse.swt.widgets.Tree t) {
            n += countItems(t.getItems());
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                n += countWidgets(child);
            }
        }
        return n;
    }

    private static int countItems(org.eclipse.swt.widgets.TreeItem[] items) {
        int n = items.length;
        for (var item : items) {
            n += countItems(item.getItems());
        }
        return n;
    }

    private static <T> T find(Control c, Class<T> type) {
        if (type.isInstance(c)) {
            return type.cast(c);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
