package io.mixbench.testbundle.guirobot;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Severity;
import io.mixbench.session.Session;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.OpenSessionListener;
import io.mixbench.workspace.PluginInstall;
import io.mixbench.workspace.Workspace;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.DeviceData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs a script of commands against the real workbench window, as a user would, from its own thread: the model
 * through the {@link Workspace} service (the window's {@link OpenSession} is the one in
 * {@link Workspace#openSessions()}), the window through SWT's widget tree (tabs by their text, the findings table's
 * rows, clicks as selection events on the UI thread) and each view's {@link ViewContribution#STATE_DATA}. The
 * product knows nothing of it: the GUI tests put this bundle into the plug-in folder and name the script in the
 * system property {@value #SCRIPT_PROPERTY}; without it the bundle does nothing.
 * <p>
 * One command a line; {@code #} starts a comment; arguments are separated by spaces and may be quoted with
 * {@code "}. A failing command prints {@code robot: FAILED} and closes the window.
 * <ul>
 * <li>{@code open PATH}, {@code closeSession}, {@code analyse}, {@code waitAnalysis [S]}: wait until no analysis
 * runs and the findings view shows the result (S seconds at most, default 120);</li>
 * <li>{@code waitFinding RULE [S]}, {@code waitNoFinding RULE [S]}: until the findings view shows (no) finding of
 * RULE;</li>
 * <li>{@code dumpFindings FILE}: the findings view's rows; {@code selectFinding N}: clicks row N (from 0);</li>
 * <li>{@code showView ID}, {@code waitView ID [S]}, {@code waitNoView ID [S]}, {@code dumpViews FILE},
 * {@code waitViewState ID TEXT [S]}: until the view's published state contains TEXT; {@code click ID TEXT}: the
 * button with that text in a view; {@code setTextFile ID FILE}: the view's first text field gets the file's
 * content; {@code setText ID TEXT}: the view's first text field gets TEXT; {@code checkRow ID TEXT true|false}:
 * checks or unchecks the box of the first row of the view's first table with a cell equal to TEXT, as a click on it
 * does; {@code waitViewValue ID KEY VALUE [S]}: until the view's published state has KEY with VALUE (as text);
 * {@code clickLater ID TEXT}: the same click, sent without waiting for what it opens (a dialog);
 * {@code acceptDialog [S]}: waits for a native dialog of the window (a message box, a file or folder dialog) and
 * presses Enter in it: a message box's OK, a file dialog's proposed file; {@code choose ID TEXT}: the item of the
 * view's first drop-down that starts with TEXT;
 * {@code clickAndCancel ID TEXT}: the button with that text in a view, then the window's Cancel button, in one task
 * of the UI thread (so the work the button starts is cancelled before it can end);</li>
 * <li>{@code waitWindow TEXT [S]}: until another workbench window than the first shows, its title containing TEXT;
 * {@code waitWindowAnalysis TEXT [S]}: until that window's open session has a result and its findings view shows a
 * row for each finding;
 * {@code dumpWindows FILE}: the workbench windows' titles, and the open sessions' locations and WARN or worse
 * findings, oldest first;</li>
 * <li>{@code installPlugin JAR}: shows the plug-in manager and installs through the workspace;
 * {@code removeFile PATH}, {@code copyFile SRC DST}, {@code waitFile PATH [S]}: until the file exists;</li>
 * <li>{@code export FORMAT FILE}: the workspace's export of the result; {@code screenshot PNG [TITLE]}: of the
 * first window, or of the window whose title contains TITLE;</li>
 * <li>{@code openCloseSession PATH N}: open, analyse and close N times; {@code handles FILE}: live SWT resources
 * by type (the workbench must run with {@code -Dmixbench.gui.trackResources=true}) and the number of widgets;</li>
 * <li>{@code timings FILE}: epoch milliseconds of JVM start, and of when the robot first saw the window and the
 * findings of an analysis on screen;</li>
 * <li>{@code sleep MS}, {@code quit}.</li>
 * </ul>
 */
@Component(immediate = true)
public final class Robot {

    static final String SCRIPT_PROPERTY = "mixbench.test.guiScript";
    static final String FINDINGS_VIEW = "io.mixbench.findings";
    static final String PLUGINS_VIEW = "io.mixbench.plugins";
    private static final long POLL_MILLIS = 20;

    @Reference
    Workspace workspace;

    private BundleContext context;
    private Thread thread;
    private final PrintStream err = System.err;

    private Display display;
    private Shell shell;
    private OpenSession openSession;
    /** What the robot's open-session listener heard, in order. It is added after the window's own listener. */
    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    /** View names by id, remembered so a view whose service has gone can still be looked for by its tab. */
    private final Map<String, String> viewNames = new ConcurrentHashMap<>();
    private long windowSeenAt;
    private long findingsSeenAt;

    @Activate
    void activate(BundleContext bundleContext) {
        String script = System.getProperty(SCRIPT_PROPERTY);
        if (script == null) {
            return;
        }
        this.context = bundleContext;
        thread = new Thread(() -> run(Path.of(script)), "mixbench-gui-robot");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run(Path script) {
        String current = "(waiting for the window)";
        try {
            attach();
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
        } catch (InterruptedException e) {
            // The framework stops: the window is closing anyway.
        } catch (Exception | AssertionError e) {
            err.println("robot: FAILED at '" + current + "': " + e);
            if (shell != null) {
                try {
                    ui(() -> {
                        shell.close();
                        return null;
                    });
                } catch (RuntimeException closing) {
                    // Already gone.
                }
            }
        }
    }

    /** Waits for the window's open session, then for the window on the main thread's display. */
    private void attach() throws Exception {
        // The window opens its session once its display is constructed: a display found earlier may be half made.
        waitUntil(60, "the window's open session", () -> !workspace.openSessions().isEmpty());
        openSession = workspace.openSessions().get(0);
        waitUntil(60, "the workbench's display", () -> (display = mainDisplay()) != null);
        waitUntil(60, "the workbench window", () -> (shell = ui(this::mainShell)) != null);
        windowSeenAt = System.currentTimeMillis();
        openSession.addListener(new OpenSessionListener() {
            @Override
            public void sessionChanged(Session session) {
                heard.add(session == null ? "closed" : session);
            }

            @Override
            public void resultChanged(AnalysisResult result) {
                heard.add(result == null ? "no result" : result);
            }
        });
    }

    private static Display mainDisplay() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("main")) {
                return Display.findDisplay(t);
            }
        }
        return null;
    }

    private Shell mainShell() {
        for (Shell s : display.getShells()) {
            if (s.isVisible() && s.getText().startsWith("Mixbench")) {
                return s;
            }
        }
        return null;
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
            case "open" -> open(Path.of(c.get(1)));
            case "closeSession" -> closeSession();
            case "analyse" -> openSession.analyse();
            case "waitAnalysis" -> waitAnalysis(seconds(c, 1));
            case "waitFinding" -> waitUntil(seconds(c, 2), "a finding of " + c.get(1), () -> ui(() -> shows(c.get(
                    1))));
            case "waitNoFinding" -> waitUntil(seconds(c, 2), "no finding of " + c.get(1),
                    () -> !openSession.analysing() && ui(() -> showsResult(openSession.result()) && !shows(c.get(
                            1))));
            case "dumpFindings" -> Json.writeFile(Path.of(c.get(1)), ui(this::findingRows));
            case "selectFinding" -> ui(() -> {
                selectFinding(Integer.parseInt(c.get(1)));
                return null;
            });
            case "showView" -> {
                if (!ui(() -> showView(c.get(1)))) {
                    throw new AssertionError("no view " + c.get(1));
                }
            }
            case "waitView" -> waitUntil(seconds(c, 2), "view " + c.get(1), () -> ui(() -> tab(c.get(1)) != null));
            case "waitNoView" -> waitUntil(seconds(c, 2), "no view " + c.get(1), () -> ui(() -> tab(c.get(
                    1)) == null));
            case "dumpViews" -> Json.writeFile(Path.of(c.get(1)), ui(this::views));
            case "click" -> ui(() -> {
                click(c.get(1), c.get(2));
                return null;
            });
            case "setTextFile" -> {
                String text = Files.readString(Path.of(c.get(2)));
                ui(() -> {
                    setText(c.get(1), text);
                    return null;
                });
            }
            case "clickAndCancel" -> ui(() -> {
                click(c.get(1), c.get(2));
                cancelButton().notifyListeners(SWT.Selection, new Event());
                return null;
            });
            case "clickLater" -> display.asyncExec(() -> {
                try {
                    click(c.get(1), c.get(2));
                } catch (InvalidSyntaxException | RuntimeException | AssertionError e) {
                    err.println("robot: FAILED at 'clickLater': " + e);
                }
            });
            case "acceptDialog" -> acceptDialog(seconds(c, 1));
            case "choose" -> ui(() -> {
                choose(c.get(1), c.get(2));
                return null;
            });
            case "setText" -> ui(() -> {
                setText(c.get(1), c.get(2));
                return null;
            });
            case "checkRow" -> ui(() -> {
                checkRow(c.get(1), c.get(2), Boolean.parseBoolean(c.get(3)));
                return null;
            });
            case "waitViewValue" -> waitUntil(seconds(c, 4), "view " + c.get(1) + " to say " + c.get(2) + "="
                    + c.get(3), () -> ui(() -> c.get(3).equals(viewValue(c.get(1), c.get(2)))));
            case "waitWindow" -> waitUntil(seconds(c, 2), "a window showing " + c.get(1), () -> ui(() -> otherWindow(
                    c.get(1)) != null));
            case "waitWindowAnalysis" -> waitUntil(seconds(c, 2), "the analysis in the window showing " + c.get(
                    1), () -> otherWindowShowsItsResult(c.get(1)));
            case "dumpWindows" -> Json.writeFile(Path.of(c.get(1)), ui(this::windows));
            case "waitViewState" -> waitUntil(seconds(c, 3), "view " + c.get(1) + " to show " + c.get(2),
                    () -> ui(() -> viewState(c.get(1)).contains(c.get(2))));
            case "installPlugin" -> {
                ui(() -> showView(PLUGINS_VIEW));
                PluginInstall done = workspace.install(Path.of(c.get(1)));
                if (done.problem() != null) {
                    throw new AssertionError("installed but not started: " + done.problem());
                }
            }
            case "copyFile" -> Files.copy(Path.of(c.get(1)), Path.of(c.get(2)), StandardCopyOption.REPLACE_EXISTING);
            case "waitFile" -> waitUntil(seconds(c, 2), "the file " + c.get(1), () -> Files.isRegularFile(Path.of(c.get(
                    1))));
            case "removeFile" -> Files.deleteIfExists(Path.of(c.get(1)));
            case "export" -> workspace.export(shownResult(), c.get(1), ReportOptions.DEFAULT, Path.of(c.get(2)));
            case "screenshot" -> ui(() -> {
                Shell which = c.size() > 2 ? otherWindow(c.get(2)) : shell;
                if (which == null) {
                    throw new AssertionError("no window showing " + c.get(2));
                }
                screenshot(which, Path.of(c.get(1)));
                return null;
            });
            case "openCloseSession" -> {
                for (int i = 0; i < Integer.parseInt(c.get(2)); i++) {
                    open(Path.of(c.get(1)));
                    waitAnalysis(120);
                    closeSession();
                }
            }
            case "handles" -> Json.writeFile(Path.of(c.get(1)), ui(this::handles));
            case "timings" -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("jvmStart", ManagementFactory.getRuntimeMXBean().getStartTime());
                t.put("windowOpen", windowSeenAt);
                t.put("firstFindings", findingsSeenAt);
                Json.writeFile(Path.of(c.get(1)), t);
            }
            case "sleep" -> Thread.sleep(Long.parseLong(c.get(1)));
            case "quit" -> {
                ui(() -> {
                    shell.close();
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

    // ---- the model, and waiting until the window has heard of it

    private void open(Path path) throws Exception {
        heard.clear();
        var opened = openSession.open(List.of(path));
        awaitHeard("the window to hear of the session", e -> e == opened);
    }

    private void closeSession() throws Exception {
        heard.clear();
        openSession.closeSession();
        awaitHeard("the window to hear the session closed", "no result"::equals);
    }

    /**
     * Waits until the robot's listener hears an event. The open session calls its listeners in order on one
     * thread, the window's first, and the window hops to the UI thread from there: once the robot has heard it, the
     * window's task is queued on the UI thread ahead of anything the robot runs there next.
     */
    private void awaitHeard(String what, Predicate<Object> event) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Object e = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (event.test(e)) {
                return;
            }
        }
    }

    private void waitAnalysis(long seconds) throws Exception {
        waitUntil(seconds, "the analysis", () -> {
            String error = openSession.lastError();
            if (error != null && !openSession.analysing()) {
                throw new AssertionError("analysis failed: " + error);
            }
            AnalysisResult result = openSession.result();
            return !openSession.analysing() && result != null && ui(() -> showsResult(result));
        });
    }

    /**
     * Whether the findings view shows this result: a row for each of its findings (the robot leaves the view's
     * filters at "(any)"), and no other. The rows hold the findings themselves, so a result is told from an earlier
     * one by identity; only two results without findings in a row look alike.
     */
    private boolean showsResult(AnalysisResult result) {
        if (result == null) {
            return true;
        }
        Table table = findingsTable();
        Set<Finding> findings = Collections.newSetFromMap(new IdentityHashMap<>());
        findings.addAll(result.findings());
        if (table.getItemCount() != findings.size()) {
            return false;
        }
        for (TableItem item : table.getItems()) {
            if (!findings.contains(item.getData())) {
                return false;
            }
        }
        if (findingsSeenAt == 0) {
            findingsSeenAt = System.currentTimeMillis();
        }
        return true;
    }

    /** Whether the findings view has a row of this rule. */
    private boolean shows(String rule) {
        for (TableItem item : findingsTable().getItems()) {
            if (item.getData() instanceof Finding f && f.ruleId().equals(rule)) {
                return true;
            }
        }
        return false;
    }

    private AnalysisResult shownResult() {
        AnalysisResult r = openSession.result();
        if (r == null) {
            throw new AssertionError("no analysis to export");
        }
        return r;
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(long seconds, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private <T> T ui(Callable<T> task) {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicReference<Error> error = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                out.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            } catch (AssertionError e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get().getMessage(), failure.get());
        }
        return out.get();
    }

    // ---- the window, through SWT's widget tree (UI thread only)

    /** The registered views' service references with an id, by id. */
    private Map<String, ServiceReference<ViewContribution>> viewServices() throws InvalidSyntaxException {
        Map<String, ServiceReference<ViewContribution>> out = new TreeMap<>();
        for (ServiceReference<ViewContribution> ref : context.getServiceReferences(ViewContribution.class, null)) {
            if (ref.getProperty(ViewContribution.ID) instanceof String id) {
                out.put(id, ref);
                viewNames.put(id, ref.getProperty(ViewContribution.NAME) instanceof String n ? n : id);
            }
        }
        return out;
    }

    /** The tab of a view, found by the name its service gives it; null when the window has none. */
    private CTabItem tab(String id) throws InvalidSyntaxException {
        viewServices();
        String name = viewNames.get(id);
        return name == null ? null : tab(shell, name);
    }

    private static CTabItem tab(Control root, String name) {
        return first(root, c -> {
            if (c instanceof CTabFolder folder) {
                for (CTabItem item : folder.getItems()) {
                    if (item.getText().equals(name)) {
                        return item;
                    }
                }
            }
            return null;
        });
    }

    /** Clicks a view's tab. */
    private boolean showView(String id) throws InvalidSyntaxException {
        CTabItem item = tab(id);
        if (item == null) {
            return false;
        }
        CTabFolder folder = item.getParent();
        folder.setSelection(item);
        Event e = new Event();
        e.item = item;
        folder.notifyListeners(SWT.Selection, e);
        return true;
    }

    /** The view's own control (the first child of its tab's control), or null when it was never shown. */
    private Control viewControl(String id) throws InvalidSyntaxException {
        CTabItem item = tab(id);
        if (item != null && item.getControl() instanceof Composite parent && parent.getChildren().length > 0) {
            return parent.getChildren()[0];
        }
        return null;
    }

    /** Clicks the button with this text in a view. */
    private void click(String id, String text) throws InvalidSyntaxException {
        Button button = first(viewControl(id), c -> c instanceof Button b && b.getText().equals(text) ? b : null);
        if (button == null) {
            throw new AssertionError("no button '" + text + "' in view " + id);
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Replaces the text of the view's first text field, as typing would (it sends the modify event). */
    private void setText(String id, String text) throws InvalidSyntaxException {
        Text field = find(viewControl(id), Text.class);
        if (field == null) {
            throw new AssertionError("no text field in view " + id);
        }
        field.setText(text);
    }

    /**
     * Checks or unchecks a row's box in the view's first table, as a click on the box does: the table hears a
     * selection event with {@code SWT.CHECK} as its detail.
     */
    private void checkRow(String id, String text, boolean checked) throws InvalidSyntaxException {
        Table table = find(viewControl(id), Table.class);
        if (table == null) {
            throw new AssertionError("no table in view " + id);
        }
        for (TableItem item : table.getItems()) {
            for (int i = 0; i < Math.max(1, table.getColumnCount()); i++) {
                if (item.getText(i).equals(text)) {
                    item.setChecked(checked);
                    Event e = new Event();
                    e.item = item;
                    e.detail = SWT.CHECK;
                    table.notifyListeners(SWT.Selection, e);
                    return;
                }
            }
        }
        throw new AssertionError("no row '" + text + "' in view " + id);
    }

    /**
     * Waits for a native dialog (which SWT's widget tree does not show: the UI thread runs it inside the dialog's
     * {@code open}) and presses Enter until it has closed. Enter goes again only while the dialog is still open, so
     * no key reaches the window behind it.
     */
    private void acceptDialog(long seconds) throws Exception {
        waitUntil(seconds, "a dialog", Robot::dialogOpen);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int polls = 0; dialogOpen(); polls++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dialog did not close");
            }
            if (polls % 50 == 0) {
                key(SWT.KeyDown);
                key(SWT.KeyUp);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void key(int type) {
        Event e = new Event();
        e.type = type;
        e.keyCode = SWT.CR;
        e.character = SWT.CR;
        display.post(e);
    }

    /** Whether the UI thread is in a native dialog. */
    private static boolean dialogOpen() {
        Set<String> dialogs = Set.of("org.eclipse.swt.widgets.MessageBox", "org.eclipse.swt.widgets.FileDialog",
                "org.eclipse.swt.widgets.DirectoryDialog");
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().equals("main")) {
                for (StackTraceElement frame : e.getValue()) {
                    if (dialogs.contains(frame.getClassName()) && frame.getMethodName().equals("open")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Selects the item of the view's first drop-down that starts with {@code text}, as the user would. */
    private void choose(String id, String text) throws InvalidSyntaxException {
        Combo combo = find(viewControl(id), Combo.class);
        if (combo == null) {
            throw new AssertionError("no drop-down in view " + id);
        }
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItem(i).startsWith(text)) {
                combo.select(i);
                combo.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError("no item '" + text + "' in view " + id + ": " + List.of(combo.getItems()));
    }

    /** The window's Cancel button: in its status bar, outside every view's tab folder. */
    private Button cancelButton() {
        Button found = outsideViews(shell);
        if (found == null) {
            throw new AssertionError("no Cancel button in the window");
        }
        return found;
    }

    private static Button outsideViews(Control c) {
        if (c instanceof Button b && b.getText().equals("Cancel")) {
            return b;
        }
        if (c instanceof Composite comp && !(c instanceof CTabFolder)) {
            for (Control child : comp.getChildren()) {
                Button found = outsideViews(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** One value of a view's published state, as text; null when it has none. */
    private String viewValue(String id, String key) throws InvalidSyntaxException {
        Control control = viewControl(id);
        if (control != null && control.getData(ViewContribution.STATE_DATA) instanceof Map<?, ?> m
                && m.get(key) != null) {
            return String.valueOf(m.get(key));
        }
        return null;
    }

    /** A visible workbench window other than the first whose title contains {@code text}, or null. */
    private Shell otherWindow(String text) {
        for (Shell s : display.getShells()) {
            if (s != shell && s.isVisible() && s.getText().startsWith("Mixbench") && s.getText().contains(text)) {
                return s;
            }
        }
        return null;
    }

    /** Whether the other window showing {@code text} has its open session's latest result in its findings view. */
    private boolean otherWindowShowsItsResult(String text) throws Exception {
        OpenSession other = null;
        for (OpenSession o : workspace.openSessions()) {
            if (o != openSession && o.session() != null && String.valueOf(o.session().location()).contains(text)) {
                other = o;
            }
        }
        if (other == null || other.analysing() || other.result() == null) {
            return false;
        }
        int findings = other.result().findings().size();
        return ui(() -> {
            Shell window = otherWindow(text);
            viewServices();
            CTabItem tab = window == null ? null : tab(window, viewNames.get(FINDINGS_VIEW));
            Table table = tab == null ? null : find(tab.getControl(), Table.class);
            return table != null && table.getItemCount() == findings;
        });
    }

    /**
     * The visible workbench windows' titles, the first window's first; every open session's location and the number
     * of WARN or worse findings of its latest result (null without one).
     */
    private Map<String, Object> windows() {
        List<String> titles = new ArrayList<>(List.of(shell.getText()));
        for (Shell s : display.getShells()) {
            if (s != shell && s.isVisible() && s.getText().startsWith("Mixbench")) {
                titles.add(s.getText());
            }
        }
        List<String> sessions = new ArrayList<>();
        List<Object> problems = new ArrayList<>();
        for (OpenSession open : workspace.openSessions()) {
            Session session = open.session();
            sessions.add(session == null ? null : String.valueOf(session.location()));
            AnalysisResult result = open.result();
            problems.add(result == null
                    ? null
                    : result.findings().stream().filter(f -> f.severity().reaches(Severity.WARN)).count());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("titles", titles);
        out.put("sessions", sessions);
        out.put("warnOrWorse", problems);
        return out;
    }

    /** What a view publishes under {@link ViewContribution#STATE_DATA}, as text; empty when nothing. */
    private String viewState(String id) throws InvalidSyntaxException {
        Control control = viewControl(id);
        return control == null ? "" : String.valueOf(control.getData(ViewContribution.STATE_DATA));
    }

    /** The findings view's table; its tab is clicked first when the view was never shown. */
    private Table findingsTable() {
        try {
            if (viewControl(FINDINGS_VIEW) == null) {
                showView(FINDINGS_VIEW);
            }
            Table table = find(viewControl(FINDINGS_VIEW), Table.class);
            if (table == null) {
                throw new AssertionError("no findings view");
            }
            return table;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * Every view: id, name, category, bundle, whether it was created and the state it publishes; and the selection
     * as the findings view shows it (the finding selected there, its tracks and time range).
     */
    private Map<String, Object> views() throws InvalidSyntaxException {
        List<Object> list = new ArrayList<>();
        for (var e : viewServices().entrySet()) {
            ServiceReference<ViewContribution> ref = e.getValue();
            String category = ref.getProperty(ViewContribution.CATEGORY) instanceof String s
                    && List.of(ViewContribution.CATEGORY_SESSION, ViewContribution.CATEGORY_ANALYSIS).contains(s)
                            ? s
                            : ViewContribution.CATEGORY_DETAIL;
            Control control = viewControl(e.getKey());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", e.getKey());
            v.put("name", viewNames.get(e.getKey()));
            v.put("category", category);
            v.put("bundle", ref.getBundle() == null ? null : ref.getBundle().getSymbolicName());
            v.put("created", control != null && !control.isDisposed());
            v.put("state", control != null && control.getData(ViewContribution.STATE_DATA) instanceof Map<?, ?> m
                    ? m
                    : Map.of());
            list.add(v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("views", list);
        Table table = findingsTable();
        Selection s = table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof Finding f
                ? Selection.ofFinding(f)
                : Selection.EMPTY;
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("tracks", s.tracks());
        selection.put("start", s.timeRange() == null ? null : s.timeRange().startSeconds());
        selection.put("end", s.timeRange() == null ? null : s.timeRange().endSeconds());
        selection.put("rule", s.finding() == null ? null : s.finding().ruleId());
        out.put("selection", selection);
        return out;
    }

    private Map<String, Object> handles() {
        DeviceData data = display.getDeviceData();
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
        out.put("widgets", countWidgets(shell));
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

    private static <T> T find(Control root, Class<T> type) {
        return first(root, c -> type.isInstance(c) ? type.cast(c) : null);
    }

    /** The first non-null answer of {@code match} in a depth-first walk of the widget tree from {@code c}. */
    private static <T> T first(Control c, Function<Control, T> match) {
        if (c == null) {
            return null;
        }
        T found = match.apply(c);
        if (found == null && c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                found = first(child, match);
                if (found != null) {
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Saves a PNG of the window as it draws itself (whatever covers it on screen): the shell prints itself into an
     * image.
     */
    private void screenshot(Shell window, Path file) {
        Rectangle bounds = window.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(image);
        try {
            window.print(gc);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[]{image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
