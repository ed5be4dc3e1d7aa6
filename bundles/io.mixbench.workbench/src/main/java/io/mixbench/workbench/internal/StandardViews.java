package io.mixbench.workbench.internal;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Severity;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;

/** What the standard views share: their order, severity colours, and number formatting. */
final class StandardViews {

    /** Internal service property: the standard views' order within their folder. Type: Integer. */
    static final String ORDER = "io.mixbench.view.order";

    private StandardViews() {
    }

    /**
     * Runs a task on the UI thread soon, unless {@code owner} is disposed by then; for events that arrive on other
     * threads (the workspace's).
     */
    static void async(Control owner, Runnable task) {
        try {
            owner.getDisplay().asyncExec(() -> {
                if (!owner.isDisposed()) {
                    task.run();
                }
            });
        } catch (SWTException e) {
            // The display or the control is gone: nobody to show it to.
        }
    }

    /** One colour per severity, disposed with the control. */
    static Map<Severity, Color> severityColours(Control owner) {
        Map<Severity, Color> colours = new EnumMap<>(Severity.class);
        colours.put(Severity.OK, new Color(owner.getDisplay(), new RGB(46, 139, 87)));
        colours.put(Severity.INFO, new Color(owner.getDisplay(), new RGB(70, 110, 180)));
        colours.put(Severity.WARN, new Color(owner.getDisplay(), new RGB(220, 140, 20)));
        colours.put(Severity.PROBLEM, new Color(owner.getDisplay(), new RGB(200, 40, 40)));
        colours.put(Severity.RULE_ERROR, new Color(owner.getDisplay(), new RGB(160, 40, 160)));
        disposeWith(owner, colours.values().toArray(new Color[0]));
        return colours;
    }

    static Color colour(Control owner, int r, int g, int b) {
        Color c = new Color(owner.getDisplay(), new RGB(r, g, b));
        disposeWith(owner, c);
        return c;
    }

    static void disposeWith(Control owner, Color... colours) {
        owner.addListener(SWT.Dispose, e -> {
            for (Color c : colours) {
                c.dispose();
            }
        });
    }

    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : "-";
    }

    static String measured(Finding f) {
        return f.measured() == null ? "" : number(f.measured().value()) + " " + f.measured().unit();
    }

    static String firstTrack(Finding f) {
        return f.tracks().isEmpty() ? "" : f.tracks().get(0);
    }
}
