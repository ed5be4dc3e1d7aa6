package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
import io.mixbench.rule.MeasuredTrack;
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
 * The long-term 1/3-octave spectrum (dBFS, 20 Hz..20 kHz, log frequency) of the selected tracks, else of the
 * mix, drawn with the mix's as a grey reference.
 */
@Component(property = {ViewContribution.ID + "=" + SpectrumView.ID, ViewContribution.NAME + "=Spectrum",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_DETAIL, StandardViews.ORDER + ":Integer=30"})
public final class SpectrumView implements ViewContribution {

    static final String ID = "io.mixbench.spectrum";
    private static final double LOW_HZ = 20;
    private static final double HIGH_HZ = 20_000;
    private static final int LEFT = 60;

    @Override
    public Control createView(Composite parent, ViewSite site) {
        return new Part(parent, site).canvas;
    }

    private static final class Part implements WorkbenchListener {
        final ViewSite site;
        final Canvas canvas;
        final Color[] palette;
        final Color reference;
        final List<MeasuredTrack> shown = new ArrayList<>();
        MeasuredTrack mix;

        Part(Composite parent, ViewSite site) {
            this.site = site;
            canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
            palette = new Color[]{StandardViews.colour(canvas, 30, 90, 200), StandardViews.colour(canvas, 200, 60, 40),
                    StandardViews.colour(canvas, 40, 150, 70), StandardViews.colour(canvas, 160, 60, 170),
                    StandardViews.colour(canvas, 220, 140, 20)};
            reference = StandardViews.colour(canvas, 170, 170, 170);
            canvas.addListener(SWT.Paint, this::paint);
            site.addListener(this);
            resultChanged(site.result());
        }

        @Override
        public void resultChanged(AnalysisResult result) {
            selectionChanged(site.selection());
        }

        @Override
        public void selectionChanged(Selection selection) {
            shown.clear();
            AnalysisResult result = site.result();
            mix = result == null ? null : result.mix().orElse(null);
            if (result != null) {
                for (MeasuredTrack t : result.tracks()) {
                    if (selection.tracks().contains(t.name()) && t.measurements().get(
                            MeasurementIds.THIRD_OCTAVE_SPECTRUM) instanceof Spectrum) {
                        shown.add(t);
                    }
                }
                if (shown.isEmpty() && mix != null) {
                    shown.add(mix);
                }
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("tracks", shown.stream().map(MeasuredTrack::name).toList());
            canvas.setData(STATE_DATA, state);
            canvas.redraw();
        }

        private int x(double hz, Rectangle area) {
            return LEFT + (int) ((area.width - LEFT - 10) * Math.log(hz / LOW_HZ) / Math.log(HIGH_HZ / LOW_HZ));
        }

        private void paint(Event e) {
            GC gc = e.gc;
            Rectangle area = canvas.getClientArea();
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(area);
            if (shown.isEmpty()) {
                gc.drawString("Select tracks to see their spectrum.", 10, 10, true);
                return;
            }
            double top = -10;
            double floor = -90;
            int plotTop = 20;
            int plotBottom = area.height - 22;
            gc.setForeground(reference);
            for (double db = top; db >= floor; db -= 20) {
                int y = plotTop + (int) ((plotBottom - plotTop) * (top - db) / (top - floor));
                gc.drawLine(LEFT, y, area.width - 10, y);
                gc.drawString((int) db + " dBFS", 2, y - 7, true);
            }
            for (double hz : new double[]{31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000}) {
                gc.drawString(hz >= 1000 ? (int) (hz / 1000) + "k" : String.valueOf((int) hz), x(hz, area) - 8,
                        plotBottom + 4, true);
            }
            if (mix != null && !shown.contains(mix)) {
                curve(gc, mix, reference, area, top, floor, plotTop, plotBottom);
            }
            int legendX = LEFT;
            for (int i = 0; i < shown.size(); i++) {
                Color c = palette[i % palette.length];
                curve(gc, shown.get(i), c, area, top, floor, plotTop, plotBottom);
                gc.setForeground(c);
                gc.drawString(shown.get(i).name(), legendX, 2, true);
                legendX += gc.textExtent(shown.get(i).name()).x + 16;
            }
        }

        private void curve(GC gc, MeasuredTrack t, Color c, Rectangle area, double top, double floor, int plotTop,
                int plotBottom) {
            if (!(t.measurements().get(MeasurementIds.THIRD_OCTAVE_SPECTRUM) instanceof Spectrum s)) {
                return;
            }
            double[] hz = s.frequenciesHz();
            double[] v = s.values();
            gc.setForeground(c);
            gc.setLineWidth(2);
            int lastX = -1;
            int lastY = 0;
            for (int i = 0; i < hz.length; i++) {
                if (!Double.isFinite(v[i])) {
                    lastX = -1;
                    continue;
                }
                double clamped = Math.max(floor, Math.min(top, v[i]));
                int px = x(hz[i], area);
                int py = plotTop + (int) ((plotBottom - plotTop) * (top - clamped) / (top - floor));
                if (lastX >= 0) {
                    gc.drawLine(lastX, lastY, px, py);
                }
                lastX = px;
                lastY = py;
            }
            gc.setLineWidth(1);
        }
    }
}
