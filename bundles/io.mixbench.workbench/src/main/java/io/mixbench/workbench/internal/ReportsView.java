package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.workspace.ReportFormat;
import io.mixbench.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.osgi.service.component.annotations.Component;

/** Exports the open analysis in any installed report format, written atomically off the UI thread. */
@Component(property = {ViewContribution.ID + "=" + ReportsView.ID, ViewContribution.NAME + "=Reports",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_ANALYSIS, StandardViews.ORDER + ":Integer=20"})
public final class ReportsView implements ViewContribution {

    static final String ID = "io.mixbench.reports";

    @Override
    public Control createView(Composite parent, ViewSite site) {
        Workspace workspace = site.workspace();
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        new Label(root, SWT.NONE).setText("Report formats installed:");
        new Label(root, SWT.NONE);
        List formats = new List(root, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        formats.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Button export = new Button(root, SWT.PUSH);
        export.setText("Export...");
        export.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        Runnable fill = () -> {
            formats.removeAll();
            for (ReportFormat f : workspace.reportFormats().values()) {
                formats.add(f.id() + "  (." + f.fileExtension() + ", " + f.mediaType() + ")");
            }
            if (formats.getItemCount() > 0) {
                formats.select(0);
            }
        };
        root.addListener(SWT.Show, e -> fill.run());
        fill.run();
        export.addListener(SWT.Selection, e -> {
            if (formats.getSelectionIndex() < 0 || site.result() == null) {
                site.setStatus("Nothing to export: open and analyse a session first.");
                return;
            }
            String format = formats.getItem(formats.getSelectionIndex()).split(" ")[0];
            ReportFormat chosen = workspace.reportFormats().get(format);
            if (chosen == null) {
                site.setStatus("The report format " + format + " is no longer installed.");
                fill.run();
                return;
            }
            FileDialog dialog = new FileDialog(site.shell(), SWT.SAVE);
            dialog.setOverwrite(true);
            Path location = site.session().location();
            dialog.setFilterPath((Files.isDirectory(location) ? location : location.getParent()).toString());
            dialog.setFileName("mixbench-report." + chosen.fileExtension());
            String f = dialog.open();
            if (f != null) {
                export(site, root, format, Path.of(f));
            }
        });
        return root;
    }

    /**
     * Writes the shown result off the UI thread (atomically: the workspace's export) with its plan, as
     * {@code mixbench analyze} writes it, and says how it went.
     */
    private static void export(ViewSite site, Control owner, String format, Path file) {
        AnalysisResult result = site.result();
        site.setStatus("Writing " + file + "...");
        CompletableFuture.supplyAsync(() -> {
            String without = "";
            VerifiedPlan plan = null;
            try {
                plan = plan(site, result);
            } catch (RuntimeException e) {
                // the report is worth more than its plan: written without it, and the status says why
                without = " (without its plan: planning failed: " + e.getMessage() + ")";
            }
            try {
                site.workspace().export(result, format, ReportOptions.DEFAULT.withPlan(plan), file);
                return file + without;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }).whenComplete((done, failure) -> StandardViews.async(owner, () -> site.setStatus(
                failure == null ? "Wrote " + done : "Cannot write " + file + ": " + failure.getMessage())));
    }

    /** The result's plan, unrendered; null when it has no part to move. */
    private static VerifiedPlan plan(ViewSite site, AnalysisResult result) {
        if (result.tracks().stream().noneMatch(t -> t.measured() && t.track().role().isPart())) {
            return null;
        }
        return VerifiedPlan.unrendered(site.workspace().plan(PlanRequest.of(result)), result);
    }
}
