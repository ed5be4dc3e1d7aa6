package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.osgi.service.component.annotations.Component;

/**
 * One strip per track: the level a rule measured against the target zone the active rule set gives it (from the
 * track's first finding with a measured value and a target), coloured by severity. A track no rule measured shows
 * its integrated loudness without a zone. Clicking a strip selects the track.
 */
@Component(property = {ViewContribution.ID + "=" + MeterBridgeView.ID, ViewContribution.NAME + "=Meter bridge",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_DETAIL, StandardViews.ORDER + ":Integer=20"})
public final class MeterBridgeView implements ViewContribution {

    static final String ID = "io.mixbench.meters";
    private static final int STRIP = 96;

    /** What one strip shows. */
    record Strip(String track, double value, String unit, String measure, Target target, Severity severity) {
    }

    @Override
    public Control createView(Composite parent, ViewSite site) {
        return new Part(parent, site).canvas;
    }

    /** The strips for a result: each track's most severe finding that has a measured value and a target. */
    static List<Strip> strips(AnalysisResult result) {
        List<Strip> strips = new ArrayList<>();
        for (MeasuredTrack t : result.tracks()) {
            Finding best = null;
            for (Finding f : result.findings()) {
                if (f.measured() != null && f.target() != null && !f.tracks().isEmpty()
                        && f.tracks().get(0).equals(t.name()) && f.severity() != Severity.RULE_ERROR
                        && (best == null || f.severity().compareTo(best.severity()) > 0)) {
                    best = f;
                }
            }
            if (best != null) {
                strips.add(new Strip(t.name(), best.measured().value(), best.measured().unit(),
                        best.ruleId(), best.target(), best.severity()));
            } else if (t.scalar(MeasurementIds.INTEGRATED_LOUDNESS).isPresent()) {
                strips.add(new Strip(t.name(), t.scalar(MeasurementIds.INTEGRATED_LOUDNESS).getAsDouble(), "LUFS",
                        "loudness", null, null));
            }
        }
        return strips;
    }

    private static final class Part implements WorkbenchListener {
        final ViewSite site;
        final Canvas canvas;
        final Map<Severity, Color> colours;
        final Color zone;
        final Color neutral;
        List<Strip> strips = List.of();

        Part(Composite parent, ViewSite site) {
            this.site = site;
            canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.H_SCROLL);
            colours = StandardViews.severityColours(canvas);
            zone = StandardViews.colour(canvas, 200, 235, 200);
            neutral = StandardViews.colour(canvas, 150, 150, 170);
            canvas.addListener(SWT.Paint, this::paint);
            canvas.addListener(SWT.MouseDown, e -> {
                int i = e.x / STRIP;
                if (i >= 0 && i < strips.size()) {
                    site.setSelection(Selection.ofTracks(List.of(strips.get(i).track())));
                }
            });
            site.addListener(this);
            resultChanged(site.result());
        }

        @Override
        public void resultChanged(AnalysisResult result) {
            strips = result == null ? List.of() : strips(result);
            selectionChanged(site.selection());
        }

        @Override
        public void selectionChanged(Selection selection) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("highlighted", selection.primaryTrack());
            state.put("tracks", strips.stream().map(Strip::track).toList());
            canvas.setData(STATE_DATA, state);
            canvas.redraw();
        }

        private void paint(Event e) {
            GC gc = e.gc;
            Rectangle area = canvas.getClientArea();
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(area);
            if (strips.isEmpty()) {
                gc.drawString("No levels yet.", 10, 10, true);
                return;
            }
            String highlighted = site.selection().primaryTrack();
            int top = 34;
            int bottom = area.height - 36;
            for (int i = 0; i < strips.size(); i++) {
                Strip s = strips.get(i);
                int x = i * STRIP + 8;
                double lo = Math.min(s.value(), s.target() == null ? s.value() : lowOf(s.target(), s.value())) - 6;
                double hi = Math.max(s.value(), s.target() == null ? s.value() : highOf(s.target(), s.value())) + 6;
                if (s.target() == null) {
                    lo = Math.min(lo, -40);
                    hi = Math.max(hi, 0);
                }
                int barX = x + 30;
                int barW = 26;
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
                gc.drawRectangle(barX, top, barW, bottom - top);
                if (s.target() != null) {
                    int zTop = y(highOf(s.target(), hi), lo, hi, top, bottom);
                    int zBottom = y(lowOf(s.target(), lo), lo, hi, top, bottom);
                    gc.setBackground(zone);
                    gc.fillRectangle(barX - 6, zTop, barW + 12, Math.max(2, zBottom - zTop));
                }
                int yv = y(s.value(), lo, hi, top, bottom);
                gc.setBackground(s.severity() == null ? neutral : colours.get(s.severity()));
                gc.fillRectangle(barX + 4, yv, barW - 8, bottom - yv);
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
                gc.drawString(StandardViews.number(s.value()) + " " + s.unit(), x, 2, true);
                gc.drawString(s.measure(), x, 16, true);
                String name = s.track().equals(highlighted) ? "[" + s.track() + "]" : s.track();
                gc.drawString(name, x, bottom + 4, true);
                if (s.target() != null) {
                    gc.drawString(s.target().describe().replace(" to ", ".."), x, bottom + 18, true);
                }
                if (s.track().equals(highlighted)) {
                    gc.setForeground(colours.get(Severity.INFO));
                    gc.setLineWidth(2);
                    gc.drawRectangle(i * STRIP + 2, 1, STRIP - 4, area.height - 3);
                    gc.setLineWidth(1);
                }
            }
        }

        private static double lowOf(Target t, double fallback) {
            return Double.isNaN(t.min()) ? fallback : t.min();
        }

        private static double highOf(Target t, double fallback) {
            return Double.isNaN(t.max()) ? fallback : t.max();
        }

        private static int y(double v, double lo, double hi, int top, int bottom) {
            double f = (v - lo) / (hi - lo);
            return bottom - (int) Math.round(Math.max(0, Math.min(1, f)) * (bottom - top));
        }
    }
}
