package io.mixbench.report.standard.internal;

import static io.mixbench.report.standard.internal.Html.esc;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.Move;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rule.Value;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched) that also prints. Sections:
 * the balance plan (when the options carry one with moves), moves, summary, meter bridge, loudness over time, spectrum
 * and tonal balance, stereo and low end, streaming platforms, findings, tracks. Every string from the session, the
 * rules or the meters is escaped. Contract: docs/report-html.md.
 */
@Component(service = ReportRenderer.class, property = ReportRenderer.FORMAT + "=" + HtmlReportRenderer.FORMAT_ID)
public final class HtmlReportRenderer implements ReportRenderer {

    static final String FORMAT_ID = "html";

    /** Units whose findings the meter bridge draws: levels and level differences. */
    private static final Set<String> LEVEL_UNITS = Set.of(Units.DBFS, Units.DBTP, Units.LUFS, Units.LU, Units.DB);
    /** Severities in the order the findings section lists them; OK findings follow in a compact table. */
    private static final List<Severity> LISTED = List.of(Severity.RULE_ERROR, Severity.PROBLEM, Severity.WARN,
            Severity.INFO);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Most time ranges of one finding drawn and linked; the rest are counted. */
    private static final int MAX_RANGES_PER_FINDING = 20;

    @Override
    public String format() {
        return FORMAT_ID;
    }

    @Override
    public String fileExtension() {
        return "html";
    }

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(AnalysisResult result, ReportOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        String page = new Page(result, options == null ? null : options.plan()).write();
        out.write(page.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One rendering. */
    private static final class Page {
        private final AnalysisResult result;
        /** The plan to show first, or null: none, or one without moves. */
        private final VerifiedPlan plan;
        private final StringBuilder sb = new StringBuilder(64 * 1024);
        /** Anchor of each track's row by display name (the first track of a name wins). */
        private final Map<String, String> trackAnchors = new HashMap<>();
        private final MeasuredTrack mix;
        /** Ids of the time-range markers the loudness chart drew, so the findings link only to those. */
        private final Set<String> timeMarkers = new HashSet<>();

        Page(AnalysisResult result, VerifiedPlan plan) {
            this.result = result;
            this.plan = plan == null || plan.plan().isEmpty() ? null : plan;
            List<MeasuredTrack> tracks = result.tracks();
            for (int i = 0; i < tracks.size(); i++) {
                trackAnchors.putIfAbsent(tracks.get(i).name(), "track-" + i);
            }
            this.mix = ReportSupport.mixOf(result);
        }

        String write() {
            String title = "Mixbench report \u2013 " + ReportSupport.sessionName(result.session());
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                    .append("<meta name=\"generator\" content=\"Mixbench ")
                    .append(esc(ReportSupport.toolVersion(result))).append("\"/>\n")
                    // An empty icon, so no browser asks for /favicon.ico.
                    .append("<link rel=\"icon\" href=\"data:,\"/>\n<title>").append(esc(title)).append("</title>\n")
                    .append("<style>").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n");
            header(title);
            plan();
            moves();
            summary();
            meterBridge();
            loudness();
            spectrum();
            stereo();
            streaming();
            findings();
            tracks();
            footer();
            sb.append("</body>\n</html>\n");
            return sb.toString();
        }

        // ------------------------------------------------------------ header and summary

        private void header(String title) {
            Session session = result.session();
            sb.append("<header class=\"page\">\n<h1>").append(esc(title)).append("</h1>\n<dl class=\"meta\">");
            meta("Session", session.location() == null ? "\u2013" : session.location().toString());
            if (!session.parts().isEmpty()) {
                meta("Export", session.exportKind().id());
                meta("Pan law", ReportSupport.panLawNote(session.panLaw()));
            }
            RuleSet ruleSet = result.ruleSet();
            meta("Rule set", ruleSet == null
                    ? "\u2013"
                    : (ruleSet.title() == null || ruleSet.title().isBlank()
                            ? ruleSet.id()
                            : ruleSet.title() + " (" + ruleSet.id() + ")"));
            if (ReportSupport.mixOf(result) != null) {
                meta("Judged as", result.deliverable().summary());
            }
            String when = result.startedAt() == null ? "\u2013" : TIME.format(result.startedAt());
            String took = result.elapsed() == null
                    ? ""
                    : ", took " + ReportSupport.oneDecimal(result.elapsed().toMillis() / 1000.0) + " s";
            meta("Analysed", when + took + " by Mixbench " + ReportSupport.toolVersion(result));
            sb.append("</dl>\n<nav>").append(plan == null ? "" : "<a href=\"#plan\">Plan</a> ")
                    .append("<a href=\"#moves\">Moves</a> <a href=\"#summary\">Summary</a> ")
                    .append("<a href=\"#levels\">Levels</a> ")
                    .append("<a href=\"#loudness\">Loudness</a> <a href=\"#spectrum\">Spectrum</a> ")
                    .append("<a href=\"#stereo\">Stereo</a> <a href=\"#streaming\">Streaming</a> ")
                    .append("<a href=\"#findings\">Findings</a> <a href=\"#tracks\">Tracks</a></nav>\n</header>\n");
        }

        /**
         * The balance plan, all moves at once: a row per move in the order to make it (its kind, a ride's breakpoints,
         * the rules it answers linked to their findings), the WARN and PROBLEM counts before and after (predicted by
         * the planner, said as such, or found by analysing the rendered session), and what it does not clear.
         */
        private void plan() {
            if (plan == null) {
                return;
            }
            sb.append("<section id=\"plan\">\n<h2>Plan: all moves at once</h2>\n<p class=\"note\">")
                    .append("One set of moves for every rule at once, in the order to make them. ")
                    .append(plan.isRendered()
                            ? "Rendered and analysed: the after counts are the rendered session's findings."
                            : "Predicted by the planner, not rendered: run <code>mixbench plan</code> to render and"
                                    + " verify it.")
                    .append("</p>\n<table class=\"moves plan\">\n<thead><tr><th>#</th><th>Move</th><th>Kind</th>")
                    .append("<th>Rules</th></tr></thead>\n<tbody>\n");
            List<PlannedMove> moves = plan.plan().moves();
            for (int i = 0; i < moves.size(); i++) {
                PlannedMove move = moves.get(i);
                sb.append("<tr class=\"move ").append(esc(move.kind().id())).append("\"><td class=\"num\">")
                        .append(i + 1).append("</td><td><b>").append(esc(move.text())).append("</b>");
                if (!move.ride().isEmpty()) {
                    sb.append("<br/><span class=\"why\">").append(esc(rideSummary(move.ride()))).append("</span>");
                }
                sb.append("</td><td>").append(esc(move.kind().id())).append("</td><td class=\"rule\">");
                List<String> tracks = move.fixes().stream().map(Fix::track).toList();
                for (int k = 0; k < move.rules().size(); k++) {
                    sb.append(k == 0 ? "" : ", ").append(ruleLink(move.rules().get(k), tracks));
                }
                sb.append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n<p class=\"outcome\">Before: ")
                    .append(warnProblem(plan.before().findings())).append(" \u2192 ");
            if (plan.isRendered()) {
                sb.append("after (rendered and analysed): ").append(warnProblem(plan.after().findings()))
                        .append("</p>\n<p class=\"note\">Rendered session: ")
                        .append(esc(plan.rendered().sessionFile().toString()));
            } else {
                sb.append("predicted: ").append(warnProblem(plan.plan().predicted()));
            }
            sb.append("</p>\n");
            if (!plan.plan().refused().isEmpty()) {
                sb.append("<p class=\"note\">Refused: ")
                        .append(esc(String.join(", ", plan.plan().refused().stream().sorted().toList())))
                        .append("</p>\n");
            }
            if (!plan.plan().unresolved().isEmpty()) {
                sb.append("<h3>Not cleared</h3>\n<ul class=\"unresolved\">");
                for (String sentence : plan.plan().unresolved()) {
                    sb.append("<li>").append(esc(sentence)).append("</li>");
                }
                sb.append("</ul>\n");
            }
            sb.append("</section>\n");
        }

        /** "4 PROBLEM, 1 WARN", each count in its severity's colour, or in OK's when it is 0. */
        private static String warnProblem(List<Finding> findings) {
            int[] counts = ReportSupport.counts(findings);
            return count(counts, Severity.PROBLEM) + ", " + count(counts, Severity.WARN);
        }

        private static String count(int[] counts, Severity severity) {
            int n = counts[severity.ordinal()];
            return "<span class=\"" + Svg.sevClass(n == 0 ? Severity.OK : severity) + "\"><b>" + n + "</b> "
                    + label(severity) + "</span>";
        }

        /** E.g. "Ridden: 12 breakpoints from 0:00.2 to 0:07.5, -2.0 to +6.5 dB". */
        private static String rideSummary(List<GainPoint> ride) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (GainPoint point : ride) {
                low = Math.min(low, point.gainDb());
                high = Math.max(high, point.gainDb());
            }
            return "Ridden: " + ride.size() + (ride.size() == 1 ? " breakpoint" : " breakpoints") + " from "
                    + Html.clock(ride.get(0).seconds()) + " to " + Html.clock(ride.get(ride.size() - 1).seconds())
                    + ", " + ReportSupport.signedOneDecimal(low) + " to " + ReportSupport.signedOneDecimal(high)
                    + " dB";
        }

        /**
         * The rule id linked to its most severe finding in this report that names one of the move's tracks (else its
         * most severe finding), or as text when it has none here.
         */
        private String ruleLink(String ruleId, List<String> tracks) {
            List<Finding> findings = result.findings();
            int found = -1;
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                if (finding.ruleId().equals(ruleId)) {
                    if (finding.tracks().stream().anyMatch(tracks::contains)) {
                        found = i;
                        break;
                    }
                    found = found < 0 ? i : found;
                }
            }
            return found < 0 ? esc(ruleId) : "<a href=\"#" + findingAnchor(found) + "\">" + esc(ruleId) + "</a>";
        }

        /**
         * The moves first ({@link AnalysisResult#moves()}): one row per move, most urgent first, with the rules that
         * ask for it linked to their findings, the move's sentence when it says more, and a conflict when no one change
         * satisfies every finding.
         */
        private void moves() {
            List<Move> moves = result.moves();
            sb.append("<section id=\"moves\">\n<h2>Moves</h2>\n");
            if (moves.isEmpty()) {
                sb.append("<p class=\"none\">Nothing to change.</p>\n</section>\n");
                return;
            }
            sb.append("<p class=\"note\">Most urgent first; each move once, with every rule that asks for it.</p>\n")
                    .append("<table class=\"moves\">\n<thead><tr><th></th><th>Move</th><th>Asked by</th></tr>")
                    .append("</thead>\n<tbody>\n");
            for (Move move : moves) {
                String sev = Svg.sevClass(move.severity());
                sb.append("<tr class=\"move ").append(esc(move.kind().id())).append("\"><td><span class=\"badge ")
                        .append(sev).append("\">").append(label(move.severity())).append("</span></td><td><b>")
                        .append(esc(move.shortText())).append("</b>");
                if (!move.message().equals(move.shortText() + ".")) {
                    sb.append("<br/><span class=\"why\">").append(esc(move.message())).append("</span>");
                }
                if (move.conflict() != null && !move.conflict().equals(move.message())) {
                    sb.append("<br/><span class=\"conflict\">").append(esc(move.conflict())).append("</span>");
                }
                sb.append("</td><td class=\"rule\">");
                List<Integer> findings = move.findings();
                for (int k = 0; k < findings.size(); k++) {
                    int index = findings.get(k);
                    sb.append(k == 0 ? "" : ", ").append("<a href=\"#").append(findingAnchor(index)).append("\">")
                            .append(esc(result.findings().get(index).ruleId())).append("</a>");
                }
                sb.append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</section>\n");
        }

        private void meta(String label, String value) {
            sb.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
        }

        private void summary() {
            int[] counts = ReportSupport.counts(result);
            Severity worst = result.worstSeverity();
            sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"verdict ").append(Svg.sevClass(worst))
                    .append("\"><span class=\"badge ").append(Svg.sevClass(worst)).append("\">")
                    .append(label(worst)).append("</span> ").append(esc(verdictSentence(worst, counts)))
                    .append("</p>\n<ul class=\"counts\">");
            for (Severity severity : new Severity[]{Severity.PROBLEM, Severity.WARN, Severity.INFO, Severity.OK,
                    Severity.RULE_ERROR}) {
                sb.append("<li class=\"").append(Svg.sevClass(severity)).append("\"><b>")
                        .append(counts[severity.ordinal()]).append("</b> ").append(esc(countLabel(severity)))
                        .append("</li>");
            }
            sb.append("</ul>\n<p>").append(esc(trackCounts())).append("</p>\n");
            List<MeasuredTrack> failed = result.tracks().stream().filter(t -> !t.measured()).toList();
            if (!failed.isEmpty()) {
                sb.append("<ul class=\"failed\">");
                for (MeasuredTrack track : failed) {
                    sb.append("<li>").append(trackLink(track.name())).append(": ").append(esc(track.error()))
                            .append("</li>");
                }
                sb.append("</ul>\n");
            }
            sb.append("</section>\n");
        }

        private static String verdictSentence(Severity worst, int[] counts) {
            return switch (worst) {
                case RULE_ERROR -> "A rule failed: its checks are missing from this report.";
                case PROBLEM -> "Fix the problems before the mix is delivered.";
                case WARN -> "Worth fixing before the mix is delivered.";
                case INFO -> "Nothing to fix; some notes.";
                case OK -> counts[Severity.OK.ordinal()] == 0 ? "Nothing was checked." : "Every check passed.";
            };
        }

        private static String countLabel(Severity severity) {
            return switch (severity) {
                case PROBLEM -> "problems";
                case WARN -> "warnings";
                case INFO -> "notes";
                case OK -> "checks passed";
                case RULE_ERROR -> "rule errors";
            };
        }

        private String trackCounts() {
            int parts = 0;
            int references = 0;
            int failed = 0;
            for (MeasuredTrack track : result.tracks()) {
                Role role = track.track().role();
                if (role == Role.REFERENCE) {
                    references++;
                } else if (role != Role.MIX) {
                    parts++;
                }
                if (!track.measured()) {
                    failed++;
                }
            }
            StringBuilder text = new StringBuilder();
            text.append(result.tracks().size()).append(result.tracks().size() == 1 ? " track: " : " tracks: ")
                    .append(parts).append(parts == 1 ? " part" : " parts")
                    .append(mix == null ? ", no mix" : ", the mix");
            if (references > 0) {
                text.append(", ").append(references).append(references == 1 ? " reference" : " references");
            }
            if (failed > 0) {
                text.append("; ").append(failed).append(" could not be decoded");
            }
            return text.append('.').toString();
        }

        // ------------------------------------------------------------ meter bridge

        private void meterBridge() {
            sb.append("<section id=\"levels\">\n<h2>Levels against their targets</h2>\n");
            if (result.tracks().isEmpty()) {
                sb.append("<p class=\"none\">The session has no tracks.</p>\n</section>\n");
                return;
            }
            sb.append("<p class=\"note\">Each bar is a level a rule checked, with its target zone in green; tracks no"
                    + " level rule checked show their sample peak (light), AES17 RMS (dark) and integrated loudness"
                    + " (tick) on a \u221260..0 scale.</p>\n");
            Map<String, List<Integer>> byTrack = new LinkedHashMap<>();
            List<Finding> findings = result.findings();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (f.measured() != null && f.target() != null && LEVEL_UNITS.contains(f.measured().unit())) {
                    String owner = f.tracks().isEmpty() ? "" : f.tracks().get(0);
                    byTrack.computeIfAbsent(owner, k -> new ArrayList<>()).add(i);
                }
            }
            sb.append("<table class=\"bridge\">\n<thead><tr><th>Track</th><th>Measure</th><th>Level</th>")
                    .append("<th>Value</th></tr></thead>\n<tbody>\n");
            for (MeasuredTrack track : result.tracks()) {
                List<Integer> rows = byTrack.remove(track.name());
                if (!track.measured()) {
                    sb.append("<tr><td>").append(trackLink(track.name()))
                            .append("</td><td colspan=\"3\" class=\"error\">could not be decoded</td></tr>\n");
                } else if (rows == null) {
                    double peak = track.scalar(MeasurementIds.SAMPLE_PEAK).orElse(Double.NaN);
                    double rms = track.scalar(MeasurementIds.RMS).orElse(Double.NaN);
                    double lufs = track.scalar(MeasurementIds.INTEGRATED_LOUDNESS).orElse(Double.NaN);
                    double top = Math.max(0, Math.ceil(Math.max(peak, 0) / 6) * 6);
                    sb.append("<tr><td>").append(trackLink(track.name())).append("</td><td>levels</td><td>")
                            .append(Svg.levels(-60, top, peak, rms, lufs)).append("</td><td>peak ")
                            .append(esc(Html.value(peak, Units.DBFS))).append(" \u00b7 RMS ")
                            .append(esc(Html.value(rms, Units.DBFS))).append(" \u00b7 loudness ")
                            .append(esc(Html.value(lufs, Units.LUFS))).append("</td></tr>\n");
                } else {
                    meterRows(track.name(), rows);
                }
            }
            // Findings about tracks the session does not have (or about none): under "Session".
            for (Map.Entry<String, List<Integer>> rest : byTrack.entrySet()) {
                meterRows(rest.getKey(), rest.getValue());
            }
            sb.append("</tbody>\n</table>\n</section>\n");
        }

        private void meterRows(String trackName, List<Integer> findingIndices) {
            for (int k = 0; k < findingIndices.size(); k++) {
                int index = findingIndices.get(k);
                Finding f = result.findings().get(index);
                Value measured = f.measured();
                Target target = f.target();
                double[] scale = meterScale(measured, target);
                sb.append("<tr").append(k == 0 ? " class=\"first\"" : "").append("><td>");
                if (k == 0) {
                    sb.append(trackName.isEmpty() ? "Session" : trackLink(trackName));
                }
                sb.append("</td><td class=\"measure\">")
                        .append(esc(measured.measure() == null ? f.ruleId() : measured.measure()))
                        .append("</td><td>").append(Svg.meter(scale[0], scale[1], measured.value(), target,
                                f.severity()))
                        .append("</td><td><a class=\"badge ").append(Svg.sevClass(f.severity())).append("\" href=\"#")
                        .append(findingAnchor(index)).append("\">").append(label(f.severity())).append("</a> ")
                        .append(esc(Html.value(measured.value(), measured.unit()))).append(" <span class=\"target\">")
                        .append(esc("target " + target.describe())).append("</span></td></tr>\n");
            }
        }

        /** Absolute levels on -60..0 (widened to show the value and zone); differences around their target. */
        private static double[] meterScale(Value measured, Target target) {
            double value = measured.value();
            double lo;
            double hi;
            String unit = measured.unit();
            if (Units.DBFS.equals(unit) || Units.DBTP.equals(unit) || Units.LUFS.equals(unit)) {
                lo = -60;
                hi = 0;
            } else {
                double centre = Double.isFinite(target.centre()) ? target.centre() : value;
                lo = centre - 12;
                hi = centre + 12;
            }
            for (double v : new double[]{value, target.min(), target.max()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, Math.floor((v - 3) / 6) * 6);
                    hi = Math.max(hi, Math.ceil((v + 3) / 6) * 6);
                }
            }
            return new double[]{lo, hi};
        }

        // ------------------------------------------------------------ loudness over time

        private void loudness() {
            sb.append("<section id=\"loudness\">\n<h2>Loudness over time</h2>\n");
            Series momentary = mix == null ? null : mix.series(MeasurementIds.MOMENTARY_SERIES).orElse(null);
            Series shortTerm = mix == null ? null : mix.series(MeasurementIds.SHORT_TERM_SERIES).orElse(null);
            List<Svg.Lane> lanes = new ArrayList<>();
            Map<String, Integer> laneOf = new HashMap<>();
            double duration = 0;
            for (MeasuredTrack track : result.tracks()) {
                if (track.measured() && Double.isFinite(track.durationSeconds())) {
                    duration = Math.max(duration, track.durationSeconds());
                }
                Series activity = track.series(MeasurementIds.ACTIVITY).orElse(null);
                if (activity != null) {
                    duration = Math.max(duration, activity.size() * activity.stepSeconds());
                }
                if (track.measured() && track.track().role().isPart()) {
                    laneOf.putIfAbsent(track.name(), lanes.size());
                    lanes.add(new Svg.Lane(track.name(), trackAnchors.get(track.name()), activity));
                }
            }
            for (Series s : new Series[]{momentary, shortTerm}) {
                if (s != null) {
                    duration = Math.max(duration, s.size() * s.stepSeconds());
                }
            }
            if (mix == null) {
                sb.append("<p class=\"none\">The session has no mix, so there is no loudness curve; the parts'")
                        .append(" activity is shown alone.</p>\n");
            } else if (momentary == null && shortTerm == null) {
                sb.append("<p class=\"none\">The mix has no loudness series (").append(esc(
                        MeasurementIds.MOMENTARY_SERIES + ", " + MeasurementIds.SHORT_TERM_SERIES))
                        .append(").</p>\n");
            }
            if (!(duration > 0) || (momentary == null && shortTerm == null && lanes.isEmpty())) {
                sb.append("<p class=\"none\">Nothing to draw over time.</p>\n</section>\n");
                return;
            }
            List<Svg.Marker> markers = new ArrayList<>();
            List<Finding> findings = result.findings();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (f.severity() == Severity.OK) {
                    continue;
                }
                int lane = f.tracks().isEmpty() ? -1 : laneOf.getOrDefault(f.tracks().get(0), -1);
                List<TimeRange> ranges = f.timeRanges();
                for (int k = 0; k < Math.min(ranges.size(), MAX_RANGES_PER_FINDING); k++) {
                    TimeRange range = ranges.get(k);
                    markers.add(new Svg.Marker(timeAnchor(i, k), "#" + findingAnchor(i),
                            label(f.severity()) + ": " + f.message(), f.severity(), range.startSeconds(),
                            range.endSeconds(), lane));
                }
            }
            boolean plot = momentary != null || shortTerm != null;
            for (Svg.Marker marker : markers) {
                if (Svg.drawn(marker, plot)) {
                    timeMarkers.add(marker.id());
                }
            }
            sb.append("<figure>").append(Svg.timeline(momentary, shortTerm, duration, lanes, markers))
                    .append("<figcaption>The mix's momentary and short-term loudness (BS.1770, 100 ms steps; the")
                    .append(" loudest value where several steps share a point), each part's activity below, and the")
                    .append(" findings' time ranges in their severity's colour (click one for the finding).</figcaption>")
                    .append("</figure>\n</section>\n");
        }

        // ------------------------------------------------------------ spectrum and tonal balance

        private void spectrum() {
            sb.append("<section id=\"spectrum\">\n<h2>Spectrum and tonal balance</h2>\n");
            List<MeasuredTrack> references = result.tracks().stream()
                    .filter(t -> t.measured() && t.track().role() == Role.REFERENCE).toList();
            Spectrum mixThird = spectrumOf(mix, ReportIds.THIRD_OCTAVE);
            double mixLoudness = mix == null
                    ? Double.NaN
                    : mix.scalar(MeasurementIds.INTEGRATED_LOUDNESS)
                            .orElse(Double.NaN);

            List<Svg.SpectrumLine> lines = new ArrayList<>();
            if (mixThird != null) {
                String name = "mix".equalsIgnoreCase(mix.name()) ? "Mix" : "Mix (" + mix.name() + ")";
                lines.add(new Svg.SpectrumLine(name, mixThird.frequenciesHz(),
                        mixThird.values(), "line-mix"));
            }
            // References, level-matched to the mix by integrated loudness; their power mean is the target.
            List<double[]> matched = new ArrayList<>();
            double[] refFrequencies = null;
            boolean allMatched = true;
            for (MeasuredTrack reference : references) {
                Spectrum third = spectrumOf(reference, ReportIds.THIRD_OCTAVE);
                if (third == null) {
                    continue;
                }
                double refLoudness = reference.scalar(MeasurementIds.INTEGRATED_LOUDNESS).orElse(Double.NaN);
                double shift = Double.isFinite(mixLoudness) && Double.isFinite(refLoudness)
                        ? mixLoudness - refLoudness
                        : 0;
                allMatched &= Double.isFinite(mixLoudness) && Double.isFinite(refLoudness);
                double[] values = third.values();
                for (int i = 0; i < values.length; i++) {
                    values[i] += shift;
                }
                String how = shift == 0 && !(Double.isFinite(mixLoudness) && Double.isFinite(refLoudness))
                        ? "not level-matched"
                        : "level-matched, " + ReportSupport.signedOneDecimal(shift) + " dB";
                lines.add(new Svg.SpectrumLine("Reference " + reference.name() + " (" + how + ")",
                        third.frequenciesHz(), values, "line-ref"));
                if (refFrequencies == null || Arrays.equals(refFrequencies, third.frequenciesHz())) {
                    refFrequencies = third.frequenciesHz();
                    matched.add(values);
                }
            }
            if (matched.size() > 1) {
                lines.add(new Svg.SpectrumLine("Target: power mean of the references", refFrequencies,
                        powerMean(matched), "line-target"));
            }

            TonalZones tonalTarget = null;
            String targetText;
            if (!references.isEmpty()) {
                tonalTarget = TonalZones.fromReferences(references);
                targetText = "Target: the session's reference tracks"
                        + (allMatched ? ", level-matched to the mix by integrated loudness." : ".");
            } else {
                tonalTarget = TonalZones.fromFindings(result.findings());
                targetText = tonalTarget != null
                        ? "Target: the genre tilt of the rule set (parameters of rule " + tonalTarget.ruleId()
                                + "), relative to the mid band."
                        : "There is no tonal target: the session has no reference tracks and the rule set gives no"
                                + " genre tilt.";
            }
            sb.append("<p class=\"note\">").append(esc(targetText)).append("</p>\n");
            if (lines.isEmpty()) {
                sb.append("<p class=\"none\">").append(esc(mix == null
                        ? "The session has no mix and no measured reference, so there is no spectrum to show."
                        : "No 1/3-octave spectrum was measured (measurement " + ReportIds.THIRD_OCTAVE + ")."))
                        .append("</p>\n");
            } else {
                sb.append("<figure>").append(Svg.spectrum(lines, Units.DBFS))
                        .append("<figcaption>Long-term average spectrum in 1/3-octave bands (power relative to a")
                        .append(" full-scale sine).</figcaption></figure>\n");
            }

            Spectrum mixTonal = spectrumOf(mix, ReportIds.TONAL_BALANCE);
            if (mixTonal != null) {
                double[] relative = TonalZones.relativeToMid(mixTonal);
                List<String> names = TonalZones.bandNames(mixTonal.frequenciesHz());
                double[] lo = new double[relative.length];
                double[] hi = new double[relative.length];
                Arrays.fill(lo, Double.NaN);
                Arrays.fill(hi, Double.NaN);
                if (tonalTarget != null) {
                    tonalTarget.zones(mixTonal.frequenciesHz(), lo, hi);
                }
                sb.append("<figure>").append(Svg.tonal(names, relative, lo, hi))
                        .append("<figcaption>Tonal balance: each band's level relative to the mid band (dots)")
                        .append(tonalTarget == null ? "" : tonalTarget.caption()).append(".</figcaption></figure>\n");
            }
            sb.append("</section>\n");
        }

        private static Spectrum spectrumOf(MeasuredTrack track, String id) {
            if (track == null) {
                return null;
            }
            return track.measurements().get(id) instanceof Spectrum s && s.frequenciesHz().length > 0 ? s : null;
        }

        private static double[] powerMean(List<double[]> spectra) {
            int n = spectra.get(0).length;
            double[] mean = new double[n];
            for (int i = 0; i < n; i++) {
                double power = 0;
                int count = 0;
                for (double[] values : spectra) {
                    if (i < values.length && Double.isFinite(values[i])) {
                        power += Math.pow(10, values[i] / 10);
                        count++;
                    }
                }
                mean[i] = count == 0 ? Double.NaN : 10 * Math.log10(power / count);
            }
            return mean;
        }

        // ------------------------------------------------------------ stereo and low end

        private static final String[][] STEREO_COLUMNS = {
                {"Correlation", ReportIds.CORRELATION}, {"Width", ReportIds.WIDTH},
                {"Mono-sum loss", ReportIds.MONO_SUM_LOSS}, {"Balance", MeasurementIds.BALANCE},
                {"Low-end pan", MeasurementIds.LOW_END_PAN}, {"Low-end side", MeasurementIds.LOW_END_SIDE}};
        private static final String[][] STEREO_EXTRA = {
                {"Low-end balance", ReportIds.LOW_END_BALANCE}, {"Low-end correlation", ReportIds.LOW_END_CORRELATION}};

        private void stereo() {
            sb.append("<section id=\"stereo\">\n<h2>Stereo and low end</h2>\n");
            List<MeasuredTrack> measured = result.tracks().stream().filter(MeasuredTrack::measured).toList();
            if (measured.isEmpty()) {
                sb.append("<p class=\"none\">No track was measured.</p>\n</section>\n");
                return;
            }
            List<String[]> columns = new ArrayList<>(List.of(STEREO_COLUMNS));
            for (String[] extra : STEREO_EXTRA) {
                if (measured.stream().anyMatch(t -> t.measurements().containsKey(extra[1]))) {
                    columns.add(extra);
                }
            }
            sb.append("<p class=\"note\">Correlation \u22121..+1 (+1 mono-compatible); width: side over mid energy;")
                    .append(" mono-sum loss: level change folded to mono; balance: left minus right; low end: below")
                    .append(" the low-end crossover, pan \u2212100 (left)..+100 (right) %.</p>\n")
                    .append("<table class=\"stereo\">\n<thead><tr><th>Track</th>");
            for (String[] column : columns) {
                sb.append("<th>").append(esc(column[0])).append("</th>");
            }
            sb.append("</tr></thead>\n<tbody>\n");
            for (MeasuredTrack track : measured) {
                sb.append("<tr><td>").append(trackLink(track.name())).append("</td>");
                for (String[] column : columns) {
                    stereoCell(track, column[1]);
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n</section>\n");
        }

        private void stereoCell(MeasuredTrack track, String id) {
            Measurement m = track.measurements().get(id);
            if (!(m instanceof Scalar scalar)) {
                sb.append("<td class=\"num\">\u2013</td>");
                return;
            }
            if (!scalar.present()) {
                sb.append("<td class=\"num\" title=\"").append(esc(scalar.reason())).append("\">\u2013</td>");
                return;
            }
            double v = scalar.value();
            boolean ratio = Units.RATIO.equals(scalar.unit());
            String text = ratio ? Html.twoDecimals(v) : Html.value(v, scalar.unit());
            sb.append("<td class=\"num\">");
            if (ReportIds.CORRELATION.equals(id) || ReportIds.LOW_END_CORRELATION.equals(id)) {
                sb.append(Svg.centreBar(v, -1, 1)).append(' ');
            } else if (MeasurementIds.LOW_END_PAN.equals(id)) {
                sb.append(Svg.centreBar(v, -100, 100)).append(' ');
            }
            sb.append(esc(text)).append("</td>");
        }

        // ------------------------------------------------------------ streaming

        private void streaming() {
            sb.append("<section id=\"streaming\">\n<h2>Streaming platforms</h2>\n");
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < result.findings().size(); i++) {
                Finding f = result.findings().get(i);
                if (f.hasTag(Finding.STREAMING_ROW) && f.measured() != null) {
                    rows.add(i);
                }
            }
            if (rows.isEmpty()) {
                sb.append("<p class=\"none\">").append(esc("No rule reported a streaming preview (none in the "
                        + "rule set gives one, or it could not judge the mix), so there is no streaming preview."))
                        .append("</p>\n</section>\n");
                return;
            }
            sb.append("<table class=\"streaming\">\n<thead><tr><th>Platform</th><th>Gain</th><th></th>")
                    .append("<th>What happens</th></tr></thead>\n<tbody>\n");
            for (int index : rows) {
                Finding f = result.findings().get(index);
                sb.append("<tr><td>").append(esc(f.measured().measure())).append("</td><td class=\"num\">")
                        .append(esc(signed(f.measured().value(), f.measured().unit())))
                        .append("</td><td><a class=\"badge ")
                        .append(Svg.sevClass(f.severity())).append("\" href=\"#").append(findingAnchor(index))
                        .append("\">").append(label(f.severity())).append("</a></td><td>").append(esc(f.message()))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</section>\n");
        }

        private static String signed(double value, String unit) {
            String number = ReportSupport.signedOneDecimal(value);
            return unit == null || unit.isBlank() ? number : number + " " + unit;
        }

        // ------------------------------------------------------------ findings

        private void findings() {
            sb.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
            List<Finding> findings = result.findings();
            boolean any = false;
            for (Severity severity : LISTED) {
                for (int i = 0; i < findings.size(); i++) {
                    if (findings.get(i).severity() == severity) {
                        finding(i, findings.get(i));
                        any = true;
                    }
                }
            }
            if (!any) {
                sb.append("<p class=\"none\">No findings to act on.</p>\n");
            }
            List<Integer> ok = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                if (findings.get(i).severity() == Severity.OK) {
                    ok.add(i);
                }
            }
            if (!ok.isEmpty()) {
                sb.append("<h3>Checks passed (").append(ok.size()).append(")</h3>\n<table class=\"passed\">\n")
                        .append("<thead><tr><th>Rule</th><th>Tracks</th><th>What was checked</th></tr></thead>\n")
                        .append("<tbody>\n");
                for (int index : ok) {
                    Finding f = findings.get(index);
                    sb.append("<tr id=\"").append(findingAnchor(index)).append("\"><td class=\"rule\">")
                            .append(esc(f.ruleId())).append("</td><td>").append(trackLinks(f.tracks()))
                            .append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            }
            sb.append("</section>\n");
        }

        private void finding(int index, Finding f) {
            String sev = Svg.sevClass(f.severity());
            sb.append("<article class=\"finding ").append(sev).append("\" id=\"").append(findingAnchor(index))
                    .append("\">\n<p class=\"head\"><span class=\"badge ").append(sev).append("\">")
                    .append(label(f.severity())).append("</span> <span class=\"rule\">").append(esc(f.ruleId()))
                    .append("</span>");
            if (!f.tracks().isEmpty()) {
                sb.append(" \u00b7 ").append(trackLinks(f.tracks()));
            }
            sb.append("</p>\n<p class=\"message\">").append(esc(f.message())).append("</p>\n");
            StringBuilder figures = new StringBuilder();
            if (f.measured() != null) {
                String measure = f.measured().measure() == null || f.measured().measure().isBlank()
                        ? "measured"
                        : f.measured().measure().strip();
                figures.append(measure).append(": ").append(Html.value(f.measured().value(), f.measured().unit()));
            }
            Target target = f.target();
            if (target != null && !(Double.isNaN(target.min()) && Double.isNaN(target.max()))) {
                figures.append(figures.length() > 0 ? "; " : "").append("target ").append(target.describe());
            }
            if (figures.length() > 0) {
                sb.append("<p class=\"figures\">").append(esc(figures.toString())).append("</p>\n");
            }
            if (!f.timeRanges().isEmpty()) {
                sb.append("<p class=\"times\">At ");
                List<TimeRange> ranges = f.timeRanges();
                for (int k = 0; k < ranges.size() && k < MAX_RANGES_PER_FINDING; k++) {
                    TimeRange range = ranges.get(k);
                    String text = Html.clock(range.startSeconds()) + "\u2013" + Html.clock(range.endSeconds());
                    sb.append(k == 0 ? "" : ", ");
                    if (timeMarkers.contains(timeAnchor(index, k))) {
                        sb.append("<a href=\"#").append(timeAnchor(index, k)).append("\">").append(text).append("</a>");
                    } else {
                        sb.append(text);
                    }
                }
                if (ranges.size() > MAX_RANGES_PER_FINDING) {
                    sb.append(" and ").append(ranges.size() - MAX_RANGES_PER_FINDING).append(" more");
                }
                sb.append("</p>\n");
            }
            if ((f.suggestion() != null && !f.suggestion().isBlank()) || !f.fixes().isEmpty()) {
                sb.append("<p class=\"fix\"><b>Fix:</b> ");
                if (f.suggestion() != null && !f.suggestion().isBlank()) {
                    sb.append(esc(f.suggestion().strip())).append(' ');
                }
                for (int k = 0; k < f.fixes().size(); k++) {
                    sb.append(k == 0 ? "" : "; ").append("<code>").append(esc(describeFix(f.fixes().get(k))))
                            .append("</code>");
                }
                sb.append("</p>\n");
            }
            sb.append("</article>\n");
        }

        /** E.g. "Kick: gainDb -4.3, invertPolarity true". */
        private static String describeFix(Fix fix) {
            StringBuilder text = new StringBuilder(fix.track()).append(':');
            boolean first = true;
            for (Map.Entry<String, Object> action : fix.actions().entrySet()) {
                text.append(first ? " " : ", ").append(action.getKey()).append(' ');
                Object value = action.getValue();
                if (value instanceof Double || value instanceof Float) {
                    double v = ((Number) value).doubleValue();
                    text.append(Double.isFinite(v) ? ReportSupport.oneDecimal(v) : "\u2013");
                } else {
                    text.append(value);
                }
                first = false;
            }
            return text.toString();
        }

        // ------------------------------------------------------------ tracks and footer

        private void tracks() {
            sb.append("<section id=\"tracks\">\n<h2>Tracks</h2>\n");
            if (result.tracks().isEmpty()) {
                sb.append("<p class=\"none\">The session has no tracks.</p>\n</section>\n");
                return;
            }
            sb.append("<table class=\"tracks\">\n<thead><tr><th>Track</th><th>Role</th><th>Format</th>")
                    .append("<th>Duration</th><th>Peak</th><th>True peak</th><th>RMS</th><th>Loudness</th>")
                    .append("<th>File</th></tr></thead>\n<tbody>\n");
            List<MeasuredTrack> tracks = result.tracks();
            for (int i = 0; i < tracks.size(); i++) {
                MeasuredTrack track = tracks.get(i);
                sb.append("<tr id=\"track-").append(i).append("\"><td class=\"name\">").append(esc(track.name()))
                        .append("</td><td>").append(esc(track.track().role().id())).append("</td>");
                if (!track.measured()) {
                    sb.append("<td colspan=\"6\" class=\"error\">").append(esc(track.error())).append("</td>");
                } else {
                    sb.append("<td>").append(
                            esc(track.format() == null ? "\u2013" : TextReportRenderer.describeFormat(track.format())))
                            .append("</td><td class=\"num\">")
                            .append(esc(Html.value(track.durationSeconds(), Units.SECONDS))).append("</td>");
                    for (String[] column : new String[][]{{MeasurementIds.SAMPLE_PEAK, Units.DBFS},
                            {MeasurementIds.TRUE_PEAK, Units.DBTP}, {MeasurementIds.RMS, Units.DBFS},
                            {MeasurementIds.INTEGRATED_LOUDNESS, Units.LUFS}}) {
                        sb.append("<td class=\"num\">")
                                .append(esc(Html.value(track.scalar(column[0]).orElse(Double.NaN), column[1])))
                                .append("</td>");
                    }
                }
                Path file = track.track().file();
                sb.append("<td class=\"file\">").append(esc(file == null ? "" : file.toString()))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</section>\n");
        }

        private void footer() {
            sb.append("<footer>\n<p>Mixbench ").append(esc(ReportSupport.toolVersion(result)))
                    .append(". Bundles: ");
            boolean first = true;
            for (Map.Entry<String, String> version : ReportSupport.sortedVersions(result).entrySet()) {
                sb.append(first ? "" : ", ").append(esc(version.getKey())).append(' ').append(esc(version.getValue()));
                first = false;
            }
            sb.append(".</p>\n</footer>\n");
        }

        // ------------------------------------------------------------ links

        private String trackLink(String name) {
            String anchor = trackAnchors.get(name);
            return anchor == null
                    ? esc(name)
                    : "<a class=\"track\" href=\"#" + anchor + "\">" + esc(name) + "</a>";
        }

        private String trackLinks(List<String> names) {
            StringBuilder links = new StringBuilder();
            for (String name : names) {
                links.append(links.length() == 0 ? "" : ", ").append(trackLink(name));
            }
            return links.toString();
        }

        private static String findingAnchor(int index) {
            return "finding-" + index;
        }

        private static String timeAnchor(int finding, int range) {
            return "time-" + finding + "-" + range;
        }

        private static String label(Severity severity) {
            return severity == Severity.RULE_ERROR ? "RULE ERROR" : severity.id().toUpperCase(Locale.ROOT);
        }

    }
}
