package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.TimeRange;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.osgi.service.component.annotations.Component;

/**
 * The mix's momentary and short-term loudness (100 ms series, LUFS) over time, an activity lane per part, and the
 * findings' time ranges as markers. Mouse wheel scrolls, Ctrl+wheel or +/- zooms, 0 fits the whole session; a
 * selected finding's range is highlighted and scrolled into view.
 */
@Component(property = {ViewContribution.ID + "=" + TimelineView.ID, ViewContribution.NAME + "=Loudness timeline",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_DETAIL, StandardViews.ORDER + ":Integer=10"})
public final class TimelineView implements ViewContribution {

    static final String ID = "io.mixbench.timeline";
    private static final double FLOOR_LUFS = -60;
    private static final int LANE_HEIGHT = 14;
    private static final int LABEL_WIDTH = 90;

    @Override
    public Control createView(Composite parent, ViewSite site) {
        return new Part(parent, site).canvas;
    }

    private static final class Part implements WorkbenchListener {
        final ViewSite site;
        final Canvas canvas;
        final Map<Severity, Color> severity;
        final Color momentaryColour;
        final Color shortTermColour;
        final Color laneColour;
        final Color selectionColour;
        final Color gridColour;
        double durationSeconds = 1;
        /** Zoom: seconds per pixel, and the time at the left edge of the plot. */
        double secondsPerPixel = 0.1;
        double viewStart;

        Part(Composite parent, ViewSite site) {
            this.site = site;
            canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.H_SCROLL | SWT.NO_BACKGROUND);
            severity = StandardViews.severityColours(canvas);
            momentaryColour = StandardViews.colour(canvas, 120, 170, 230);
            shortTermColour = StandardViews.colour(canvas, 20, 60, 150);
            laneColour = StandardViews.colour(canvas, 110, 160, 110);
            selectionColour = StandardViews.colour(canvas, 255, 220, 60);
            gridColour = StandardViews.colour(canvas, 225, 225, 225);
            canvas.addListener(SWT.Paint, this::paint);
            canvas.addListener(SWT.Resize, e -> updateScrollBar());
            canvas.getHorizontalBar().addListener(SWT.Selection, e -> {
                viewStart = canvas.getHorizontalBar().getSelection() / 10.0;
                changed();
            });
            canvas.addListener(SWT.MouseVerticalWheel, e -> {
                if ((e.stateMask & SWT.MOD1) != 0) {
                    zoom(e.count > 0 ? 0.8 : 1.25);
                } else {
                    scrollTo(viewStart - e.count * 40 * secondsPerPixel);
                }
                e.doit = false;
            });
            canvas.addListener(SWT.KeyDown, e -> {
                if (e.character == '+' || e.character == '=') {
                    zoom(0.8);
                } else if (e.character == '-') {
                    zoom(1.25);
                } else if (e.character == '0') {
                    fit();
                }
            });
            canvas.addListener(SWT.MouseDown, e -> canvas.setFocus());
            site.addListener(this);
            resultChanged(site.result());
        }

        private int plotWidth() {
            return Math.max(10, canvas.getClientArea().width - LABEL_WIDTH);
        }

        private void fit() {
            secondsPerPixel = durationSeconds / plotWidth();
            viewStart = 0;
            changed();
        }

        private void zoom(double factor) {
            double centre = viewStart + plotWidth() * secondsPerPixel / 2;
            secondsPerPixel = Math.max(0.005, Math.min(durationSeconds / 50, secondsPerPixel * factor));
            scrollTo(centre - plotWidth() * secondsPerPixel / 2);
        }

        private void scrollTo(double start) {
            double visible = plotWidth() * secondsPerPixel;
            viewStart = Math.max(0, Math.min(start, Math.max(0, durationSeconds - visible)));
            changed();
        }

        private void changed() {
            updateScrollBar();
            canvas.redraw();
            state();
        }

        private void updateScrollBar() {
            ScrollBar bar = canvas.getHorizontalBar();
            int total = (int) Math.ceil(durationSeconds * 10);
            int thumb = (int) Math.max(1, Math.min(total, plotWidth() * secondsPerPixel * 10));
            bar.setValues((int) (viewStart * 10), 0, total, thumb, Math.max(1, thumb / 10), thumb);
        }

        @Override
        public void resultChanged(AnalysisResult result) {
            durationSeconds = 1;
            if (result != null) {
                for (MeasuredTrack t : result.tracks()) {
                    durationSeconds = Math.max(durationSeconds, t.durationSeconds());
                }
            }
            fit();
        }

        @Override
        public void selectionChanged(Selection selection) {
            TimeRange range = selection.timeRange();
            if (range != null) {
                double visible = plotWidth() * secondsPerPixel;
                if (range.durationSeconds() > visible * 0.8) {
                    // Some room around the range, but never beyond the whole session.
                    secondsPerPixel = Math.max(0.005, Math.min(durationSeconds, range.durationSeconds() * 1.25)
                            / plotWidth());
                    visible = plotWidth() * secondsPerPixel;
                }
                if (range.startSeconds() < viewStart || range.endSeconds() > viewStart + visible) {
                    scrollTo(range.startSeconds() - (visible - range.durationSeconds()) / 2);
                    return;
                }
            }
            changed();
        }

        private int x(double seconds) {
            return LABEL_WIDTH + (int) Math.round((seconds - viewStart) / secondsPerPixel);
        }

        private void paint(Event e) {
            GC gc = e.gc;
            Rectangle area = canvas.getClientArea();
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(area);
            AnalysisResult result = site.result();
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            if (result == null) {
                gc.drawString(site.session() == null ? "No session." : "Waiting for the analysis...", 10, 10, true);
                return;
            }
            List<MeasuredTrack> parts = result.tracks().stream().filter(t -> t.track().role().isPart()).toList();
            int lanesTop = Math.max(60, area.height - parts.size() * LANE_HEIGHT - 22);
            int plotTop = 18;
            int plotBottom = lanesTop - 6;
            Selection selection = site.selection();
            // Finding markers and the selected range behind the curves.
            gc.setAlpha(60);
            for (Finding f : result.findings()) {
                if (f.severity().compareTo(Severity.WARN) >= 0 || f.severity() == Severity.RULE_ERROR) {
                    gc.setBackground(severity.get(f.severity()));
                    for (TimeRange r : f.timeRanges()) {
                        gc.fillRectangle(x(r.startSeconds()), plotTop, Math.max(2, x(r.endSeconds())
                                - x(r.startSeconds())), area.height - plotTop - 20);
                    }
                }
            }
            if (selection.timeRange() != null) {
                gc.setAlpha(110);
                gc.setBackground(selectionColour);
                TimeRange r = selection.timeRange();
                gc.fillRectangle(x(r.startSeconds()), plotTop, Math.max(3, x(r.endSeconds()) - x(r.startSeconds())),
                        area.height - plotTop - 20);
            }
            gc.setAlpha(255);
            grid(gc, area, plotTop, plotBottom);
            MeasuredTrack mix = result.mix().orElse(result.tracks().isEmpty() ? null : result.tracks().get(0));
            if (mix != null) {
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                gc.drawString("Loudness of " + mix.name() + " (LUFS): momentary, short-term", LABEL_WIDTH, 1, true);
                gc.setLineWidth(1);
                curve(gc, mix.series(MeasurementIds.MOMENTARY_SERIES).orElse(null), momentaryColour, plotTop,
                        plotBottom, area.width);
                gc.setLineWidth(2);
                curve(gc, mix.series(MeasurementIds.SHORT_TERM_SERIES).orElse(null), shortTermColour, plotTop,
                        plotBottom, area.width);
                gc.setLineWidth(1);
            }
            String highlighted = selection.primaryTrack();
            for (int i = 0; i < parts.size(); i++) {
                MeasuredTrack t = parts.get(i);
                int y = lanesTop + i * LANE_HEIGHT;
                boolean selected = t.name().equals(highlighted);
                gc.setForeground(canvas.getDisplay().getSystemColor(selected ? SWT.COLOR_BLACK : SWT.COLOR_DARK_GRAY));
                gc.drawString((selected ? "> " : "") + t.name(), 2, y - 1, true);
                Series activity = t.series(MeasurementIds.ACTIVITY).orElse(null);
                gc.setBackground(selected ? shortTermColour : laneColour);
                if (activity != null) {
                    lane(gc, activity, y + 2, LANE_HEIGHT - 4, area.width);
                }
            }
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawString(
                    String.format(Locale.ROOT, "%.1f s - %.1f s   (wheel: scroll, Ctrl+wheel or +/-: zoom, 0: fit)",
                            viewStart, viewStart + plotWidth() * secondsPerPixel),
                    LABEL_WIDTH, area.height - 18, true);
        }

        private void grid(GC gc, Rectangle area, int top, int bottom) {
            gc.setForeground(gridColour);
            for (int lufs = 0; lufs >= FLOOR_LUFS; lufs -= 10) {
                int y = top + (int) ((bottom - top) * (lufs / FLOOR_LUFS));
                gc.drawLine(LABEL_WIDTH, y, area.width, y);
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                gc.drawString(lufs + " LUFS", 30, y - 7, true);
                gc.setForeground(gridColour);
            }
            double step = niceStep(plotWidth() * secondsPerPixel / 8);
            for (double t = Math.ceil(viewStart / step) * step; x(t) < area.width; t += step) {
                gc.drawLine(x(t), top, x(t), area.height - 20);
            }
        }

        private static double niceStep(double rough) {
            for (double s : new double[]{0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300}) {
                if (s >= rough) {
                    return s;
                }
            }
            return 600;
        }

        private void curve(GC gc, Series series, Color colour, int top, int bottom, int width) {
            if (series == null || series.size() == 0) {
                return;
            }
            gc.setForeground(colour);
            int lastX = -1;
            int lastY = -1;
            for (int px = LABEL_WIDTH; px < width; px++) {
                double t = viewStart + (px - LABEL_WIDTH) * secondsPerPixel;
                int i = (int) (t / series.stepSeconds());
                if (i >= series.size()) {
                    break;
                }
                float v = series.get(i);
                if (Float.isNaN(v) || v < FLOOR_LUFS) {
                    lastX = -1;
                    continue;
                }
                int y = top + (int) ((bottom - top) * (Math.min(0, v) / FLOOR_LUFS));
                if (lastX >= 0) {
                    gc.drawLine(lastX, lastY, px, y);
                }
                lastX = px;
                lastY = y;
            }
        }

        private void lane(GC gc, Series activity, int y, int height, int width) {
            int runStart = -1;
            for (int px = LABEL_WIDTH; px <= width; px++) {
                double t = viewStart + (px - LABEL_WIDTH) * secondsPerPixel;
                int i = (int) (t / activity.stepSeconds());
                boolean on = px < width && i < activity.size() && activity.get(i) > 0.5f;
                if (on && runStart < 0) {
                    runStart = px;
                } else if (!on && runStart >= 0) {
                    gc.fillRectangle(runStart, y, px - runStart, height);
                    runStart = -1;
                }
            }
        }

        private void state() {
            Map<String, Object> state = new LinkedHashMap<>();
            TimeRange r = site.selection().timeRange();
            state.put("selectedStart", r == null ? null : r.startSeconds());
            state.put("selectedEnd", r == null ? null : r.endSeconds());
            state.put("highlightedTrack", site.selection().primaryTrack());
            state.put("viewStart", viewStart);
            state.put("viewEnd", viewStart + plotWidth() * secondsPerPixel);
            canvas.setData(STATE_DATA, state);
        }
    }
}
