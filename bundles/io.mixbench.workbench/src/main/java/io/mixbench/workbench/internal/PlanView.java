package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Severity;
import io.mixbench.session.Session;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.ViewTask;
import io.mixbench.ui.WorkbenchListener;
import io.mixbench.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.component.annotations.Component;

/**
 * The balance plan of the latest analysis (issue 16): its moves in the order to make them, each with a check box (an
 * unchecked move is refused and the session planned again without it), what the planner predicts, and Render, which
 * writes the moved stems and their mix into a folder and analyses them: the proof, shown beside the analysis it was
 * made from, with the rendered session one click away in a second window. Planning, rendering and exporting run off
 * the UI thread through the {@link Workspace}; a plan or a render of an analysis that is no longer the latest is
 * dropped, never shown.
 */
@Component(property = {ViewContribution.ID + "=" + PlanView.ID, ViewContribution.NAME + "=Plan",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_ANALYSIS, StandardViews.ORDER + ":Integer=15"})
public final class PlanView implements ViewContribution {

    static final String ID = "io.mixbench.plan";

    private static final String[] TITLES = {"Move", "Amount", "Kind", "Answers rules"};
    private static final int[] ALIGN = {SWT.LEFT, SWT.RIGHT, SWT.LEFT, SWT.LEFT};

    /** What the view is doing, as its state says it. */
    enum Status {
        NO_ANALYSIS("no analysis"), PLANNING("planning"), PLANNED("planned"), PLAN_FAILED("plan failed"), RENDERING(
                "rendering"), RENDERED(
                        "rendered"), RENDER_FAILED("render failed"), RENDER_CANCELLED("render cancelled");

        final String id;

        Status(String id) {
            this.id = id;
        }
    }

    @Override
    public Control createView(Composite parent, ViewSite site) {
        return new Part(parent, site).root;
    }

    private static final class Part implements WorkbenchListener {
        final ViewSite site;
        final Workspace workspace;
        final Composite root;
        final Table moves;
        final Label predicted;
        final Label unresolved;
        final Spinner rideLimit;
        final Text folder;
        final Button render;
        final Label after;
        final Label mixLevels;
        final Table outside;
        final Button openRendered;
        final Combo format;
        final Button export;
        final Map<Severity, Color> colours;
        final Color refusedColour;
        /** Planning, rendering and exports; its threads end with the view. */
        final ExecutorService worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mixbench-plan-view");
            t.setDaemon(true);
            return t;
        });

        // What the view shows; UI thread only.
        Path location;
        /** The render folder the view proposed for the session. */
        String proposed = "";
        /** The analysis the shown plan was made from. */
        AnalysisResult planned;
        Plan plan;
        /** The rendered proof of {@link #plan}, or null. */
        VerifiedPlan verified;
        final Set<String> refused = new LinkedHashSet<>();
        /** Every move the view has shown this session, by id: a refused move keeps its row. */
        final Map<String, PlannedMove> known = new LinkedHashMap<>();
        /** Counts plans asked for; an answer to an older one is dropped. */
        long generation;
        Status status = Status.NO_ANALYSIS;
        String problem;
        /** Set to stop the running render: its plan is out of date, or the view is closing. */
        AtomicBoolean renderStale = new AtomicBoolean();

        Part(Composite parent, ViewSite site) {
            this.site = site;
            this.workspace = site.workspace();
            // The moves on the left, their proof on the right; the user may move the sash between them.
            SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
            root = sash;
            colours = StandardViews.severityColours(root);
            refusedColour = root.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND);

            Composite left = new Composite(root, SWT.NONE);
            left.setLayout(new GridLayout(4, false));
            Label heading = new Label(left, SWT.NONE);
            heading.setText("Moves, in the order to make them (uncheck a move to refuse it):");
            heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
            moves = new Table(left, SWT.BORDER | SWT.CHECK | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
            GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
            tableData.heightHint = 90;
            moves.setLayoutData(tableData);
            moves.setHeaderVisible(true);
            moves.setLinesVisible(true);
            for (int i = 0; i < TITLES.length; i++) {
                TableColumn c = new TableColumn(moves, ALIGN[i]);
                c.setText(TITLES[i]);
            }
            fitColumns();
            // The rules column is the one a narrow view cuts: the whole of it on hover.
            moves.addListener(SWT.MouseHover, e -> {
                TableItem item = moves.getItem(new Point(e.x, e.y));
                moves.setToolTipText(item != null && item.getData() instanceof PlannedMove m
                        ? m.text() + " (" + m.kind().id() + "), answers " + String.join(", ", m.rules())
                        : null);
            });
            moves.addListener(SWT.Selection, e -> {
                if (e.detail == SWT.CHECK && e.item instanceof TableItem item
                        && item.getData() instanceof PlannedMove m) {
                    refuse(m, !item.getChecked());
                }
            });
            predicted = new Label(left, SWT.WRAP);
            predicted.setLayoutData(wrapping(4));
            unresolved = new Label(left, SWT.WRAP);
            unresolved.setLayoutData(wrapping(4));
            new Label(left, SWT.NONE).setText("Rides move a part at most \u00b1");
            rideLimit = new Spinner(left, SWT.BORDER);
            rideLimit.setValues((int) PlanRequest.DEFAULT_RIDE_LIMIT_DB, 0, 40, 0, 1, 2);
            rideLimit.setToolTipText("How far a ride may move a part from its fader, dB; the plan is made again");
            rideLimit.addListener(SWT.Selection, e -> plan());
            new Label(left, SWT.NONE).setText("dB from its fader");
            new Label(left, SWT.NONE);

            Composite right = new Composite(root, SWT.NONE);
            right.setLayout(new GridLayout(1, false));
            Group proof = new Group(right, SWT.NONE);
            proof.setText("Render and verify");
            proof.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            proof.setLayout(new GridLayout(3, false));
            new Label(proof, SWT.NONE).setText("Into:");
            folder = new Text(proof, SWT.BORDER | SWT.SINGLE);
            folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            folder.setToolTipText("A new folder for the moved stems, their mix and a session file (32-bit float WAV)");
            folder.addListener(SWT.Modify, e -> state());
            Button browse = new Button(proof, SWT.PUSH);
            browse.setText("Browse...");
            browse.addListener(SWT.Selection, e -> browse());
            render = new Button(proof, SWT.PUSH);
            render.setText("Render");
            render.setToolTipText("Render the checked moves into the folder and analyse the result (Cancel stops it)");
            render.addListener(SWT.Selection, e -> render());
            after = new Label(proof, SWT.WRAP);
            after.setLayoutData(wrapping(2));
            mixLevels = new Label(proof, SWT.WRAP);
            mixLevels.setLayoutData(wrapping(3));
            outside = new Table(proof, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
            GridData outsideData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
            outsideData.heightHint = 60;
            outside.setLayoutData(outsideData);
            outside.setHeaderVisible(true);
            String[] outsideTitles = {"Severity", "Rule", "Track", "Still outside after rendering"};
            int[] outsideWidths = {64, 110, 64, 300};
            for (int i = 0; i < outsideTitles.length; i++) {
                TableColumn c = new TableColumn(outside, SWT.LEFT);
                c.setText(outsideTitles[i]);
                c.setWidth(outsideWidths[i]);
            }
            openRendered = new Button(proof, SWT.PUSH);
            openRendered.setText("Open rendered session");
            openRendered.setToolTipText("Open the rendered session in a second window, to compare");
            openRendered.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
            openRendered.addListener(SWT.Selection, e -> {
                if (verified != null) {
                    site.openWindow(verified.rendered().sessionFile());
                }
            });
            Composite exports = new Composite(right, SWT.NONE);
            exports.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            exports.setLayout(tight(new GridLayout(3, false)));
            new Label(exports, SWT.NONE).setText("Export the plan as");
            format = new Combo(exports, SWT.READ_ONLY | SWT.DROP_DOWN);
            for (PlanFormat f : PlanFormat.values()) {
                format.add(f.id() + " (." + f.extension() + ")");
            }
            format.select(0);
            format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            export = new Button(exports, SWT.PUSH);
            export.setText("Export...");
            export.addListener(SWT.Selection, e -> export());

            sash.setWeights(new int[]{60, 40});
            root.addListener(SWT.Dispose, e -> {
                renderStale.set(true);
                worker.shutdownNow();
            });
            site.addListener(this);
            sessionChanged(site.session());
            plan();
        }

        /** A label that wraps within the width it is given rather than asking for the whole line. */
        private static GridData wrapping(int columns) {
            GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
            data.widthHint = 200;
            return data;
        }

        /** Every column as wide as its widest text (or its title), so nothing is cut. */
        private void fitColumns() {
            for (TableColumn c : moves.getColumns()) {
                c.pack();
                c.setWidth(c.getWidth() + 8);
            }
        }

        private static GridLayout tight(GridLayout layout) {
            layout.marginWidth = 0;
            layout.marginHeight = 0;
            return layout;
        }

        @Override
        public void sessionChanged(Session session) {
            Path now = session == null ? null : session.location();
            if (!Objects.equals(now, location)) {
                location = now;
                // A folder the user typed stays; the proposal follows the session (opened, or saved elsewhere).
                if (folder.getText().isBlank() || folder.getText().equals(proposed)) {
                    proposed = now == null ? "" : PlanWords.renderFolder(now).toString();
                    folder.setText(proposed);
                    // The end of the path is the folder's own name: show it.
                    folder.setSelection(proposed.length());
                }
            }
            show();
        }

        @Override
        public void resultChanged(AnalysisResult result) {
            if (result == null) {
                // Another session, a closed one or an edited one: its moves are not the refused ones.
                refused.clear();
                known.clear();
            }
            if (result != planned) {
                plan();
            } else {
                show();
            }
        }

        /** Refuses a move or takes it back, and plans again. */
        private void refuse(PlannedMove move, boolean refuse) {
            known.put(move.id(), move);
            if (refuse) {
                refused.add(move.id());
            } else {
                refused.remove(move.id());
            }
            plan();
        }

        /** Plans the latest analysis off the UI thread, with the refusals as they are now. */
        private void plan() {
            AnalysisResult result = site.result();
            long asked = ++generation;
            // A proof is of the plan it rendered: any new plan leaves it behind.
            verified = null;
            if (result != planned) {
                // A running render is of a plan that is now out of date.
                renderStale.set(true);
                plan = null;
                planned = null;
            }
            problem = null;
            if (result == null) {
                status = Status.NO_ANALYSIS;
                show();
                return;
            }
            status = Status.PLANNING;
            show();
            PlanRequest request = new PlanRequest(result, refused, rideLimit.getSelection());
            run(() -> {
                try {
                    Plan p = workspace.plan(request);
                    StandardViews.async(root, () -> planned(asked, result, p, null));
                } catch (RuntimeException e) {
                    StandardViews.async(root, () -> planned(asked, result, null, e));
                }
            });
        }

        private void planned(long asked, AnalysisResult result, Plan p, RuntimeException failure) {
            if (asked != generation || result != site.result()) {
                return; // out of date: a newer plan is coming
            }
            planned = result;
            verified = null;
            if (failure != null) {
                plan = null;
                status = Status.PLAN_FAILED;
                problem = "Cannot plan: " + failure.getMessage();
                site.setStatus(problem);
            } else {
                plan = p;
                p.moves().forEach(m -> known.put(m.id(), m));
                status = Status.PLANNED;
            }
            show();
        }

        private void browse() {
            DirectoryDialog dialog = new DirectoryDialog(site.shell());
            dialog.setText("Render the plan into");
            dialog.setMessage("A folder for the moved stems, their mix and a session file");
            Path existing;
            try {
                existing = location == null ? null : PlanWords.resolveFolder(location, folder.getText());
            } catch (InvalidPathException e) {
                existing = null;
            }
            // The dialog opens in the nearest folder that exists.
            while (existing != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                dialog.setFilterPath(existing.toString());
            }
            String chosen = dialog.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        }

        /** Renders the shown plan into the folder and analyses the result, with the window's progress and Cancel. */
        private void render() {
            if (plan == null || status == Status.PLANNING || status == Status.RENDERING) {
                site.setStatus("Nothing to render yet: wait for the plan.");
                return;
            }
            String text = folder.getText().strip();
            if (text.isEmpty()) {
                site.showError("Name a folder to render the plan into.");
                return;
            }
            Path target;
            try {
                target = PlanWords.resolveFolder(location, text);
            } catch (InvalidPathException e) {
                site.showError("Cannot render into " + text + ": " + e.getMessage());
                return;
            }
            Plan p = plan;
            AnalysisResult before = planned;
            long asked = generation;
            AtomicBoolean stale = new AtomicBoolean();
            renderStale = stale;
            ViewTask task = site.startTask("Rendering the plan into " + target + "...");
            status = Status.RENDERING;
            problem = null;
            verified = null;
            show();
            AnalysisListener progress = new AnalysisListener() {
                @Override
                public void progress(double fraction, String message) {
                    task.progress(fraction, message);
                }
            };
            run(() -> {
                VerifiedPlan result = null;
                String failure = null;
                boolean cancelled = false;
                try {
                    result = workspace.renderAndVerify(p, before,
                            new RenderRequest(target, RenderRequest.SampleFormat.FLOAT_32), progress,
                            () -> task.cancelled() || stale.get());
                } catch (CancellationException e) {
                    cancelled = true;
                } catch (InterruptedException e) {
                    cancelled = true;
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    // The workspace's message names the file or folder.
                    failure = "Cannot render the plan: " + e.getMessage();
                }
                // The task ends even when the view has gone: the window's Cancel button is the analysis's again.
                task.done(cancelled
                        ? "Render cancelled; nothing was left in " + target + "."
                        : failure != null ? failure : "Rendered and analysed the plan: " + target);
                VerifiedPlan done = result;
                String why = failure;
                boolean stopped = cancelled;
                StandardViews.async(root, () -> rendered(asked, p, done, why, stopped));
            });
        }

        private void rendered(long asked, Plan p, VerifiedPlan done, String failure, boolean cancelled) {
            if (asked != generation || p != plan) {
                return; // the plan changed while it rendered: this proof is of another one
            }
            if (done != null) {
                verified = done;
                status = Status.RENDERED;
            } else if (cancelled) {
                status = Status.RENDER_CANCELLED;
            } else {
                status = Status.RENDER_FAILED;
                problem = failure;
            }
            show();
            if (failure != null) {
                site.showError(failure);
            }
        }

        private void export() {
            if (plan == null || planned == null) {
                site.setStatus("Nothing to export yet: wait for the plan.");
                return;
            }
            PlanFormat chosen = PlanFormat.values()[Math.max(0, format.getSelectionIndex())];
            FileDialog dialog = new FileDialog(site.shell(), SWT.SAVE);
            dialog.setOverwrite(true);
            if (location != null) {
                // Beside what it describes: the rendered files once there are some, else the session's.
                Path where = verified != null
                        ? verified.rendered().sessionFile().getParent()
                        : Files.isDirectory(location) ? location : location.getParent();
                dialog.setFilterPath(where.toString());
                dialog.setFileName(PlanWords.exportFileName(location, chosen));
            }
            String file = dialog.open();
            if (file == null) {
                return;
            }
            Path target = Path.of(file);
            VerifiedPlan what = verified != null ? verified : VerifiedPlan.unrendered(plan, planned);
            site.setStatus("Writing " + target + "...");
            run(() -> {
                try {
                    workspace.exportPlan(what, chosen, target);
                    StandardViews.async(root, () -> site.setStatus("Wrote the plan (" + chosen.id() + ") to "
                            + target));
                } catch (IOException | RuntimeException e) {
                    StandardViews.async(root, () -> site.showError("Cannot write " + target + ": "
                            + e.getMessage()));
                }
            });
        }

        private void run(Runnable work) {
            try {
                worker.execute(work);
            } catch (RejectedExecutionException e) {
                // The view is closing.
            }
        }

        // ---- showing it

        private void show() {
            if (root.isDisposed()) {
                return;
            }
            boolean busy = status == Status.RENDERING;
            moves.setRedraw(false);
            moves.removeAll();
            List<PlannedMove> rows = new ArrayList<>();
            if (plan != null) {
                rows.addAll(plan.moves());
            }
            for (String id : refused) {
                PlannedMove m = known.get(id);
                if (m != null && rows.stream().noneMatch(r -> r.id().equals(id))) {
                    rows.add(m);
                }
            }
            for (PlannedMove m : rows) {
                boolean refusedMove = refused.contains(m.id());
                TableItem item = new TableItem(moves, SWT.NONE);
                item.setText(new String[]{m.text(), PlanWords.amount(m), m.kind().id(), String.join(", ",
                        m.rules())});
                item.setChecked(!refusedMove);
                if (refusedMove) {
                    item.setForeground(refusedColour);
                }
                item.setData(m);
            }
            fitColumns();
            moves.setRedraw(true);
            moves.setEnabled(!busy);
            rideLimit.setEnabled(!busy);
            predicted.setText(predictedText());
            predicted.setForeground(plan != null && PlanWords.outside(plan.predicted()).isEmpty()
                    ? colours.get(Severity.OK)
                    : null);
            unresolved.setText(unresolvedText());
            render.setEnabled(plan != null && !plan.isEmpty() && !busy);
            export.setEnabled(plan != null && !busy);
            after.setText(afterText());
            after.setForeground(verified == null
                    ? null
                    : PlanWords.outside(verified.after().findings()).isEmpty()
                            ? colours.get(Severity.OK)
                            : colours.get(Severity.WARN));
            String levels = verified == null
                    ? ""
                    : verified.after().mix().map(mix -> "Rendered mix: " + PlanWords.levels(mix))
                            .orElse("The rendered session has no mix.");
            // A line may break between quantities, never between a number and its unit.
            mixLevels.setText(levels.replaceAll(" (-?[0-9]|dB|LUFS|peak)", "\u00a0$1"));
            outside.removeAll();
            if (verified != null) {
                for (Finding f : PlanWords.outside(verified.after().findings())) {
                    TableItem item = new TableItem(outside, SWT.NONE);
                    item.setText(new String[]{f.severity().id(), f.ruleId(), StandardViews.firstTrack(f),
                            f.message()});
                    item.setForeground(0, colours.get(f.severity()));
                }
            }
            openRendered.setEnabled(verified != null);
            root.layout(true, true);
            state();
        }

        private String predictedText() {
            return switch (status) {
                case NO_ANALYSIS -> "Analyse the session (F5) to plan it.";
                case PLANNING -> "Planning...";
                case PLAN_FAILED -> problem;
                default -> plan == null
                        ? ""
                        : plan.isEmpty() && refused.isEmpty()
                                ? "No moves: nothing the plan makes is asked for. Predicted: "
                                        + PlanWords.counts(plan.predicted())
                                : "Predicted: " + PlanWords.counts(planned.findings()) + " -> "
                                        + PlanWords.counts(plan.predicted());
            };
        }

        private String unresolvedText() {
            if (plan == null || plan.unresolved().isEmpty()) {
                return "";
            }
            return "Not cleared by the plan:\n" + String.join("\n", plan.unresolved());
        }

        private String afterText() {
            return switch (status) {
                case RENDERING -> "Rendering and analysing...";
                case RENDER_CANCELLED -> "Render cancelled.";
                case RENDER_FAILED -> problem;
                case RENDERED -> "Before: " + PlanWords.counts(verified.before().findings()) + " -> after (rendered): "
                        + PlanWords.counts(verified.after().findings());
                default -> plan == null || plan.isEmpty() ? "" : "Not rendered yet: the counts above are predicted.";
            };
        }

        /** The view's words for tools ({@link ViewContribution#STATE_DATA}). */
        private void state() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("status", status.id);
            List<String> ids = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            List<Boolean> checked = new ArrayList<>();
            for (TableItem item : moves.getItems()) {
                PlannedMove m = (PlannedMove) item.getData();
                ids.add(m.id());
                texts.add(m.text());
                kinds.add(m.kind().id());
                checked.add(item.getChecked());
            }
            state.put("moves", ids);
            state.put("texts", texts);
            state.put("kinds", kinds);
            state.put("checked", checked);
            state.put("refused", List.copyOf(refused));
            state.put("predicted", plan == null ? null : predicted.getText());
            state.put("unresolved", plan == null ? List.of() : plan.unresolved());
            state.put("renderFolder", folder.getText());
            state.put("after", verified == null ? null : after.getText());
            state.put("renderedMix", verified == null ? null : mixLevels.getText().replace('\u00a0', ' '));
            List<String> left = new ArrayList<>();
            if (verified != null) {
                for (Finding f : PlanWords.outside(verified.after().findings())) {
                    left.add(f.severity().id() + " " + f.ruleId() + ": " + f.message());
                }
            }
            state.put("stillOutside", left);
            state.put("renderedSession", verified == null
                    ? null
                    : verified.rendered().sessionFile().toString());
            state.put("problem", problem);
            state.put("canRender", render.getEnabled());
            state.put("canExport", export.getEnabled());
            root.setData(STATE_DATA, state);
        }
    }
}
