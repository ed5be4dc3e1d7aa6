package io.mixbench.report.standard.internal;

import static io.mixbench.report.standard.internal.Html.coord;
import static io.mixbench.report.standard.internal.Html.esc;

import io.mixbench.meter.Series;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report's charts as inline SVG. Colours come from the page's CSS classes, so the markup stays small; long
 * series are reduced to at most {@value #MAX_POINTS} points per line (and lanes to as many columns), so a report's
 * size does not grow with the length of the session.
 */
final class Svg {

    /** Most points one line (or activity lane) is drawn with. */
    static final int MAX_POINTS = 600;

    private static final int WIDTH = 1000;
    private static final double[] TIME_STEPS_S = {0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600};

    private Svg() {
    }

    static String sevClass(Severity severity) {
        return "sev-" + severity.id();
    }

    // ---------------------------------------------------------------- meters

    /**
     * One horizontal meter: the scale {@code lo..hi}, the target zone (an open end reaches the scale's edge) and the
     * measured value as a marker in the severity's colour. Values off the scale sit at its edge.
     */
    static String meter(double lo, double hi, double value, Target target, Severity severity) {
        StringBuilder sb = new StringBuilder(600);
        Scale x = new Scale(lo, hi, 8, 352);
        meterStart(sb, lo, hi, x);
        if (target != null) {
            double from = Double.isNaN(target.min()) ? lo : Math.max(lo, Math.min(hi, target.min()));
            double to = Double.isNaN(target.max()) ? hi : Math.max(lo, Math.min(hi, target.max()));
            sb.append("<rect class=\"zone\" x=\"").append(coord(x.at(from))).append("\" y=\"3\" width=\"")
                    .append(coord(Math.max(1.5, x.at(to) - x.at(from)))).append("\" height=\"12\"/>");
        }
        sb.append("<rect class=\"").append(sevClass(severity)).append("\" x=\"")
                .append(coord(x.clamped(value) - 1.5)).append("\" y=\"0\" width=\"3\" height=\"18\"/>");
        return sb.append("</svg>").toString();
    }

    /** A track without level findings: a bar up to its RMS, a lighter one up to its peak, a tick at its loudness. */
    static String levels(double lo, double hi, double peak, double rms, double loudness) {
        StringBuilder sb = new StringBuilder(600);
        Scale x = new Scale(lo, hi, 8, 352);
        meterStart(sb, lo, hi, x);
        if (Double.isFinite(peak)) {
            sb.append("<rect class=\"bar-peak\" x=\"8\" y=\"5\" width=\"").append(coord(x.clamped(peak) - 8))
                    .append("\" height=\"8\"/>");
        }
        if (Double.isFinite(rms)) {
            sb.append("<rect class=\"bar-rms\" x=\"8\" y=\"5\" width=\"").append(coord(x.clamped(rms) - 8))
                    .append("\" height=\"8\"/>");
        }
        if (Double.isFinite(loudness)) {
            sb.append("<rect class=\"tick-lufs\" x=\"").append(coord(x.clamped(loudness) - 1))
                    .append("\" y=\"1\" width=\"2\" height=\"16\"/>");
        }
        return sb.append("</svg>").toString();
    }

    private static void meterStart(StringBuilder sb, double lo, double hi, Scale x) {
        sb.append("<svg class=\"meter\" viewBox=\"0 0 360 30\" width=\"360\" height=\"30\" role=\"img\">");
        sb.append("<rect class=\"scale\" x=\"8\" y=\"5\" width=\"344\" height=\"8\"/>");
        double step = niceStep(hi - lo, 6);
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            sb.append("<text class=\"axis\" x=\"").append(coord(x.at(v))).append("\" y=\"27\" text-anchor=\"middle\">")
                    .append(esc(label(v))).append("</text>");
        }
    }

    /** A value on a centred scale (correlation -1..1, pan -100..100): a bar from the centre to the value. */
    static String centreBar(double value, double min, double max) {
        StringBuilder sb = new StringBuilder(300);
        sb.append("<svg class=\"cbar\" viewBox=\"0 0 80 12\" width=\"56\" height=\"12\" role=\"img\">");
        sb.append("<rect class=\"scale\" x=\"0\" y=\"3\" width=\"80\" height=\"6\"/>");
        sb.append("<rect class=\"axisline\" x=\"39.5\" y=\"0\" width=\"1\" height=\"12\"/>");
        if (Double.isFinite(value)) {
            Scale x = new Scale(min, max, 0, 80);
            double at = x.clamped(value);
            double centre = x.at((min + max) / 2);
            sb.append("<rect class=\"bar-value\" x=\"").append(coord(Math.min(at, centre)))
                    .append("\" y=\"3\" width=\"")
                    .append(coord(Math.max(1, Math.abs(at - centre)))).append("\" height=\"6\"/>");
        }
        return sb.append("</svg>").toString();
    }

    // ---------------------------------------------------------------- loudness over time

    /** An activity lane: the part's name, the anchor of its track row, and its activity series. */
    record Lane(String name, String anchor, Series activity) {
    }

    /** A finding's time range: drawn over the loudness plot and on the lane of its first track (or -1). */
    record Marker(String id, String href, String title, Severity severity, double startSeconds, double endSeconds,
            int lane) {
    }

    /**
     * The mix's momentary and short-term loudness (either may be null), the parts' activity lanes below, and the
     * findings' time ranges over both.
     */
    static String timeline(Series momentary, Series shortTerm, double durationSeconds, List<Lane> lanes,
            List<Marker> markers) {
        boolean plot = momentary != null || shortTerm != null;
        int left = 130;
        int right = WIDTH - 12;
        int plotTop = 12;
        int plotHeight = plot ? 220 : 0;
        int axisY = plotTop + plotHeight;
        int lanesTop = axisY + 26;
        int laneHeight = 14;
        int height = lanesTop + lanes.size() * laneHeight + 6;
        Scale x = new Scale(0, durationSeconds, left, right);

        StringBuilder sb = new StringBuilder(32_000);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"Loudness over time\">");
        // Time grid and labels.
        double step = timeStep(durationSeconds);
        for (double t = 0; t <= durationSeconds + 1e-9; t += step) {
            String at = coord(x.at(t));
            sb.append("<line class=\"grid\" x1=\"").append(at).append("\" x2=\"").append(at).append("\" y1=\"")
                    .append(plotTop).append("\" y2=\"").append(height - 6).append("\"/>");
            String anchor = x.at(t) > right - 24 ? "end" : x.at(t) < left + 24 ? "start" : "middle";
            sb.append("<text class=\"axis\" x=\"").append(at).append("\" y=\"").append(axisY + 16)
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.clock(t)).append("</text>");
        }
        Scale y = null;
        if (plot) {
            double lowest = Math.min(minFinite(momentary), minFinite(shortTerm));
            double bottom = Double.isFinite(lowest) ? Math.floor((lowest - 2) / 10) * 10 : -60;
            bottom = Math.max(-70, Math.min(-20, bottom));
            y = new Scale(bottom, 0, axisY, plotTop);
            for (double v = bottom; v <= 0; v += 10) {
                String at = coord(y.at(v));
                sb.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(right)
                        .append("\" y1=\"").append(at).append("\" y2=\"").append(at).append("\"/>");
                sb.append("<text class=\"axis\" x=\"").append(left - 6).append("\" y=\"").append(coord(y.at(v) + 4))
                        .append("\" text-anchor=\"end\">").append(esc(label(v))).append(" LUFS</text>");
            }
            sb.append("<rect class=\"frame\" x=\"").append(left).append("\" y=\"").append(plotTop)
                    .append("\" width=\"").append(right - left).append("\" height=\"").append(plotHeight)
                    .append("\"/>");
        }
        // Lanes.
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            int top = lanesTop + i * laneHeight;
            sb.append("<a href=\"#").append(lane.anchor()).append("\"><text class=\"lane-name\" x=\"")
                    .append(left - 6).append("\" y=\"").append(top + 10).append("\" text-anchor=\"end\">")
                    .append(esc(shorten(lane.name(), 22))).append("</text></a>");
            sb.append("<rect class=\"lane\" x=\"").append(left).append("\" y=\"").append(top + 1)
                    .append("\" width=\"").append(right - left).append("\" height=\"").append(laneHeight - 3)
                    .append("\"/>");
            Series activity = lane.activity();
            if (activity != null && activity.size() > 0) {
                int n = activity.size();
                int columns = Math.min(n, MAX_POINTS);
                int runStart = -1;
                for (int c = 0; c <= columns; c++) {
                    boolean active = c < columns && anyActive(activity, bucketStart(c, n, columns),
                            bucketStart(c + 1, n, columns));
                    if (active && runStart < 0) {
                        runStart = c;
                    } else if (!active && runStart >= 0) {
                        double from = x.at(bucketStart(runStart, n, columns) * activity.stepSeconds());
                        double to = x.at(bucketStart(c, n, columns) * activity.stepSeconds());
                        sb.append("<rect class=\"active\" x=\"").append(coord(from)).append("\" y=\"")
                                .append(top + 1).append("\" width=\"").append(coord(Math.max(0.5, to - from)))
                                .append("\" height=\"").append(laneHeight - 3).append("\"/>");
                        runStart = -1;
                    }
                }
            }
        }
        // Loudness lines over the lanes' grid, under the markers.
        if (plot) {
            sb.append(line(shortTerm, x, y, "line-short"));
            sb.append(line(momentary, x, y, "line-momentary"));
        }
        if (plot) {
            // Over the plot: the union of the time ranges of each severity, so overlapping findings do not stack up.
            for (Severity severity : Severity.values()) {
                List<double[]> spans = new ArrayList<>();
                for (Marker marker : markers) {
                    if (marker.severity() == severity) {
                        spans.add(new double[]{x.clamped(marker.startSeconds()), x.clamped(marker.endSeconds())});
                    }
                }
                for (double[] span : merge(spans)) {
                    sb.append("<rect class=\"mark ").append(sevClass(severity)).append("\" x=\"").append(coord(span[0]))
                            .append("\" y=\"").append(plotTop).append("\" width=\"")
                            .append(coord(Math.max(2, span[1] - span[0]))).append("\" height=\"").append(plotHeight)
                            .append("\"/>");
                }
            }
        }
        for (Marker marker : markers) {
            if (marker.lane() < 0 && !plot) {
                continue;
            }
            double from = x.clamped(marker.startSeconds());
            double width = Math.max(2, x.clamped(marker.endSeconds()) - from);
            // On its track's lane, or (a finding about the mix or the session) as a strip along the plot's top.
            double top = marker.lane() >= 0 ? lanesTop + marker.lane() * laneHeight : plotTop;
            double markHeight = marker.lane() >= 0 ? laneHeight - 1 : 8;
            sb.append("<a href=\"").append(marker.href()).append("\"><title>").append(esc(marker.title()))
                    .append("</title><rect id=\"").append(marker.id()).append("\" class=\"lane-mark ")
                    .append(sevClass(marker.severity())).append("\" x=\"").append(coord(from)).append("\" y=\"")
                    .append(coord(top)).append("\" width=\"").append(coord(width)).append("\" height=\"")
                    .append(coord(markHeight)).append("\"/></a>");
        }
        if (plot) {
            sb.append("<g class=\"legend\"><rect class=\"key-momentary\" x=\"").append(right - 250)
                    .append("\" y=\"20\" width=\"14\" height=\"3\"/><text x=\"").append(right - 232)
                    .append("\" y=\"25\">momentary (400 ms)</text><rect class=\"key-short\" x=\"").append(right - 115)
                    .append("\" y=\"20\" width=\"14\" height=\"3\"/><text x=\"").append(right - 97)
                    .append("\" y=\"25\">short-term (3 s)</text></g>");
        }
        return sb.append("</svg>").toString();
    }

    /** Sorted, overlapping spans joined. */
    private static List<double[]> merge(List<double[]> spans) {
        spans.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] span : spans) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] <= last[1] + 0.5) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(new double[]{span[0], span[1]});
            }
        }
        return merged;
    }

    /** Whether {@link #timeline} draws this marker (and so gives it its id). */
    static boolean drawn(Marker marker, boolean plot) {
        return marker.lane() >= 0 || plot;
    }

    /** A series as a path of at most {@link #MAX_POINTS} points (the loudest value of each bucket); gaps break it. */
    private static String line(Series series, Scale x, Scale y, String cssClass) {
        if (series == null || series.size() == 0) {
            return "";
        }
        int n = series.size();
        int columns = Math.min(n, MAX_POINTS);
        StringBuilder d = new StringBuilder(columns * 12);
        boolean drawing = false;
        for (int c = 0; c < columns; c++) {
            int from = bucketStart(c, n, columns);
            int to = bucketStart(c + 1, n, columns);
            double max = Double.NaN;
            for (int i = from; i < to; i++) {
                float v = series.get(i);
                if (Float.isFinite(v) && !(v <= max)) {
                    max = v;
                }
            }
            if (Double.isNaN(max)) {
                drawing = false;
                continue;
            }
            // Value i describes the step that ends at (i + 1) * step: draw the bucket at the middle of its steps.
            double t = (from + to) / 2.0 * series.stepSeconds();
            d.append(drawing ? 'L' : 'M').append(coord(x.at(t))).append(' ').append(coord(y.clamped(max)));
            drawing = true;
        }
        if (d.length() == 0) {
            return "";
        }
        return "<path class=\"" + cssClass + "\" d=\"" + d + "\"/>";
    }

    private static boolean anyActive(Series activity, int from, int to) {
        for (int i = from; i < to; i++) {
            if (activity.get(i) >= 0.5f) {
                return true;
            }
        }
        return false;
    }

    private static int bucketStart(int column, int n, int columns) {
        return (int) ((long) column * n / columns);
    }

    private static double minFinite(Series series) {
        double min = Double.POSITIVE_INFINITY;
        if (series != null) {
            for (int i = 0; i < series.size(); i++) {
                float v = series.get(i);
                if (Float.isFinite(v) && v < min) {
                    min = v;
                }
            }
        }
        return min;
    }

    // ---------------------------------------------------------------- spectra

    /** One line of the spectrum chart; {@code style} is a CSS class ("line-mix", "line-ref", "line-target"). */
    record SpectrumLine(String label, double[] frequenciesHz, double[] values, String style) {
    }

    /** Lines over a logarithmic frequency axis 20 Hz..20 kHz, with a legend. */
    static String spectrum(List<SpectrumLine> lines, String unit) {
        int left = 60;
        int right = WIDTH - 12;
        int top = 12;
        int bottom = 272;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (SpectrumLine line : lines) {
            for (double v : line.values()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double yMax = Double.isFinite(max) ? Math.ceil((max + 1) / 10) * 10 : 0;
        double yMin = Double.isFinite(min) ? Math.floor((min - 1) / 10) * 10 : -60;
        yMin = Math.max(yMax - 90, Math.min(yMax - 40, yMin));
        Scale y = new Scale(yMin, yMax, bottom, top);
        LogScale x = new LogScale(20, 20000, left, right);

        StringBuilder sb = new StringBuilder(16_000);
        int legendHeight = 18 * lines.size();
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(bottom + 28 + legendHeight)
                .append("\" role=\"img\" aria-label=\"Spectrum\">");
        for (double f : new double[]{20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000}) {
            String at = coord(x.at(f));
            sb.append("<line class=\"grid\" x1=\"").append(at).append("\" x2=\"").append(at).append("\" y1=\"")
                    .append(top).append("\" y2=\"").append(bottom).append("\"/><text class=\"axis\" x=\"").append(at)
                    .append("\" y=\"").append(bottom + 16).append("\" text-anchor=\"")
                    .append(f == 20 ? "start" : f == 20000 ? "end" : "middle").append("\">")
                    .append(f >= 1000 ? label(f / 1000) + " kHz" : label(f) + " Hz").append("</text>");
        }
        for (double v = yMin; v <= yMax + 1e-9; v += 10) {
            String at = coord(y.at(v));
            sb.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(right).append("\" y1=\"")
                    .append(at).append("\" y2=\"").append(at).append("\"/><text class=\"axis\" x=\"").append(left - 6)
                    .append("\" y=\"").append(coord(y.at(v) + 4)).append("\" text-anchor=\"end\">")
                    .append(esc(label(v) + " " + unit)).append("</text>");
        }
        sb.append("<rect class=\"frame\" x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"")
                .append(right - left).append("\" height=\"").append(bottom - top).append("\"/>");
        for (SpectrumLine line : lines) {
            StringBuilder d = new StringBuilder();
            boolean drawing = false;
            double[] f = line.frequenciesHz();
            double[] v = line.values();
            for (int i = 0; i < f.length; i++) {
                if (!Double.isFinite(v[i]) || !(f[i] > 0)) {
                    drawing = false;
                    continue;
                }
                d.append(drawing ? 'L' : 'M').append(coord(x.clamped(f[i]))).append(' ').append(coord(y.clamped(v[i])));
                drawing = true;
            }
            if (d.length() > 0) {
                sb.append("<path class=\"").append(line.style()).append("\" d=\"").append(d).append("\"/>");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            int ly = bottom + 34 + 18 * i;
            sb.append("<rect class=\"key-").append(lines.get(i).style()).append("\" x=\"").append(left)
                    .append("\" y=\"").append(ly - 5)
                    .append("\" width=\"18\" height=\"3\"/><text class=\"legend-text\" x=\"")
                    .append(left + 26).append("\" y=\"").append(ly).append("\">").append(esc(lines.get(i).label()))
                    .append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /**
     * The tonal balance: per band the mix's level relative to its mid band (dots), against a target (zones from
     * {@code lo} to {@code hi}, or a line where they are equal); NaN where a band has no value or no target.
     */
    static String tonal(List<String> bands, double[] mix, double[] lo, double[] hi) {
        int left = 60;
        int right = 640;
        int top = 12;
        int bottom = 212;
        double max = 6;
        double min = -6;
        for (double[] values : new double[][]{mix, lo, hi}) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double yMax = Math.ceil((max + 1) / 6) * 6;
        double yMin = Math.floor((min - 1) / 6) * 6;
        Scale y = new Scale(yMin, yMax, bottom, top);
        double slot = (right - left) / (double) Math.max(1, bands.size());
        StringBuilder sb = new StringBuilder(4000);
        sb.append("<svg class=\"chart tonal\" viewBox=\"0 0 660 240\" role=\"img\" aria-label=\"Tonal balance\">");
        for (double v = yMin; v <= yMax + 1e-9; v += 6) {
            String at = coord(y.at(v));
            sb.append("<line class=\"").append(v == 0 ? "grid zero" : "grid").append("\" x1=\"").append(left)
                    .append("\" x2=\"").append(right).append("\" y1=\"").append(at).append("\" y2=\"").append(at)
                    .append("\"/><text class=\"axis\" x=\"").append(left - 6).append("\" y=\"")
                    .append(coord(y.at(v) + 4)).append("\" text-anchor=\"end\">").append(esc(label(v)))
                    .append(" dB</text>");
        }
        for (int i = 0; i < bands.size(); i++) {
            double cx = left + slot * (i + 0.5);
            if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                double yTop = y.clamped(Math.max(lo[i], hi[i]));
                double yBottom = y.clamped(Math.min(lo[i], hi[i]));
                sb.append("<rect class=\"zone\" x=\"").append(coord(cx - slot * 0.35)).append("\" y=\"")
                        .append(coord(yTop - 1)).append("\" width=\"").append(coord(slot * 0.7)).append("\" height=\"")
                        .append(coord(Math.max(2, yBottom - yTop + 2))).append("\"/>");
            }
            if (Double.isFinite(mix[i])) {
                sb.append("<circle class=\"dot\" cx=\"").append(coord(cx)).append("\" cy=\"")
                        .append(coord(y.clamped(mix[i]))).append("\" r=\"5\"><title>")
                        .append(esc(bands.get(i) + ": " + ReportSupport.signedOneDecimal(mix[i]) + " dB"))
                        .append("</title></circle>");
            }
            sb.append("<text class=\"axis\" x=\"").append(coord(cx)).append("\" y=\"").append(bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(esc(bands.get(i))).append("</text>");
        }
        sb.append("<rect class=\"frame\" x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"")
                .append(right - left).append("\" height=\"").append(bottom - top).append("\"/>");
        return sb.append("</svg>").toString();
    }

    // ---------------------------------------------------------------- scales

    /** Linear map of {@code lo..hi} onto {@code from..to} (which may run backwards, as y does). */
    record Scale(double lo, double hi, double from, double to) {
        double at(double v) {
            double span = hi - lo;
            return span == 0 ? from : from + (v - lo) / span * (to - from);
        }

        double clamped(double v) {
            return at(Math.max(Math.min(lo, hi), Math.min(Math.max(lo, hi), v)));
        }
    }

    /** Logarithmic map of {@code lo..hi} (positive) onto {@code from..to}. */
    record LogScale(double lo, double hi, double from, double to) {
        double at(double v) {
            return from + Math.log(v / lo) / Math.log(hi / lo) * (to - from);
        }

        double clamped(double v) {
            return at(Math.max(lo, Math.min(hi, v)));
        }
    }

    /** A tick step of 1, 2 or 5 times a power of ten that gives at most {@code maxTicks} ticks over {@code span}. */
    static double niceStep(double span, int maxTicks) {
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / maxTicks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static double timeStep(double duration) {
        for (double step : TIME_STEPS_S) {
            if (duration / step <= 12) {
                return step;
            }
        }
        return Math.ceil(duration / 12 / 3600) * 3600;
    }

    /** A scale label: whole numbers without decimals, others with one; a true minus sign. */
    static String label(double v) {
        String text = Math.abs(v - Math.rint(v)) < 1e-9
                ? String.format(Locale.ROOT, "%d", (long) Math.rint(v))
                : ReportSupport.oneDecimal(v);
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
