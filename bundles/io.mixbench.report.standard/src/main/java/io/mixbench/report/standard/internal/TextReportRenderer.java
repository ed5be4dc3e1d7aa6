package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.Move;
import io.mixbench.analysis.Moves;
import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rule.Value;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.osgi.service.component.annotations.Component;

/**
 * The terminal report, read at a glance: a one-line header; the balance plan when the options carry one with moves
 * (the moves numbered in the order to make them, and the WARN and PROBLEM counts before and after, predicted or
 * rendered); the moves ({@link AnalysisResult#moves()}), one line
 * each with the rules that ask for it, most urgent first, each followed by its findings; the findings no move covers;
 * the streaming preview as one table; and a one-line verdict. OK findings are only counted. Unless
 * {@link ReportOptions#verbose()}, the tonal hints of a session with stems are left out (and counted), and so are
 * the findings' figures (their messages state them), the session's settings and the tracks' levels. Lines fit in
 * {@value #WIDTH} columns (except unbreakable words such as long paths); UTF-8; ANSI colour only when
 * {@link ReportOptions#colour()} is set.
 */
@Component(service = ReportRenderer.class, property = ReportRenderer.FORMAT + "=" + TextReportRenderer.FORMAT_ID)
public final class TextReportRenderer implements ReportRenderer {

    static final String FORMAT_ID = "text";
    /** The widest line the report writes, in columns. */
    static final int WIDTH = 100;

    /** Severities in the order the report lists them; OK findings are only counted. */
    private static final List<Severity> LISTED = List.of(Severity.RULE_ERROR, Severity.PROBLEM, Severity.WARN,
            Severity.INFO);
    /** Width of the severity tag column: "RULE ERROR" plus two spaces. */
    private static final int TAG_WIDTH = 12;
    /** Indent of a move's findings and sentence under its line: the line stands out, the reasons get the width. */
    private static final int REASON_INDENT = 4;
    private static final int LABEL_WIDTH = 11;
    private static final int MAX_TIME_RANGES = 3;
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The table's level columns: header, measurement id. */
    private static final String[][] LEVEL_COLUMNS = {{"Peak dBFS", MeasurementIds.SAMPLE_PEAK},
            {"TP dBTP", MeasurementIds.TRUE_PEAK}, {"RMS dBFS", MeasurementIds.RMS},
            {"Int LUFS", MeasurementIds.INTEGRATED_LOUDNESS}};
    /** Narrowest the name and format columns get when the table must shrink to {@link #WIDTH} columns. */
    private static final int MIN_NAME_WIDTH = 12;
    private static final int MIN_FORMAT_WIDTH = 18;
    /** Widest a plan's move text is padded to, so the rules after it line up; a longer text pushes them along. */
    private static final int PLAN_TEXT_WIDTH = 48;

    @Override
    public String format() {
        return FORMAT_ID;
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public void render(AnalysisResult result, ReportOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        // Not closed: closing the writer would close the caller's stream.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        new Report(result, options, writer).write();
        writer.flush();
    }

    /** Short name of a severity as the report shows it. */
    static String label(Severity severity) {
        return switch (severity) {
            case OK -> "OK";
            case INFO -> "INFO";
            case WARN -> "WARN";
            case PROBLEM -> "PROBLEM";
            case RULE_ERROR -> "RULE ERROR";
        };
    }

    /** E.g. "48 kHz 24-bit mono", "44.1 kHz 32-bit float stereo", "44.1 kHz lossy stereo". */
    static String describeFormat(AudioFormat format) {
        String rate = BigDecimal.valueOf(format.sampleRateHz()).movePointLeft(3).stripTrailingZeros()
                .toPlainString();
        String depth = switch (format.encoding()) {
            case PCM_INTEGER -> format.bitsPerSample() + "-bit";
            case PCM_FLOAT -> format.bitsPerSample() + "-bit float";
            case LOSSY -> "lossy";
        };
        return rate + " kHz " + depth + " " + format.layout().displayName();
    }

    /** Control characters (e.g. escape sequences in a file name) would corrupt the terminal: shown as spaces. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * Breaks {@code text} at spaces into lines of at most {@code width} columns; a word longer than the width
     * gets a line of its own.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** One rendering. */
    private static final class Report {
        private final AnalysisResult result;
        private final boolean colour;
        private final boolean verbose;
        private final Writer out;
        /** The plan of the analysis, or null. */
        private final VerifiedPlan plan;
        /** Whether each finding of the result is left out of this report (a tonal hint of a session with stems). */
        private final boolean[] leftOut;

        Report(AnalysisResult result, ReportOptions options, Writer out) {
            this.result = result;
            this.colour = options != null && options.colour();
            this.verbose = options != null && options.verbose();
            this.plan = options == null ? null : options.plan();
            this.out = out;
            List<Finding> findings = result.findings();
            this.leftOut = new boolean[findings.size()];
            boolean stems = result.session().exportKind() == ExportKind.STEMS && !result.session().parts().isEmpty();
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                // With stems the level rules judge the parts: a genre tilt on the mix is only a hint.
                leftOut[i] = !verbose && stems && finding.tonalTarget() != null
                        && finding.severity().compareTo(Severity.INFO) <= 0;
            }
        }

        void write() throws IOException {
            header();
            if (verbose) {
                settings();
            }
            plan();
            List<Move> moves = new ArrayList<>();
            boolean[] inMove = new boolean[result.findings().size()];
            for (Move move : result.moves()) {
                if (move.findings().stream().anyMatch(i -> !leftOut[i])) {
                    moves.add(move);
                    move.findings().forEach(i -> inMove[i] = true);
                }
            }
            moves(moves);
            otherFindings(inMove, !moves.isEmpty());
            streaming();
            if (verbose) {
                tracks();
            }
            verdict();
        }

        /** One line: tool, session, tracks, export kind, rule set. */
        private void header() throws IOException {
            StringBuilder sb = new StringBuilder();
            sb.append("Mixbench ").append(ReportSupport.toolVersion(result)).append(": ")
                    .append(ReportSupport.sessionName(result.session())).append(", ").append(trackCounts());
            if (!result.session().parts().isEmpty()) {
                sb.append(", ").append(result.session().exportKind().id());
            }
            RuleSet ruleSet = result.ruleSet();
            sb.append(", rule set ").append(ruleSet == null ? "-" : ruleSet.id());
            for (String text : wrap(clean(sb.toString()), WIDTH)) {
                line(text);
            }
            if (ReportSupport.mixOf(result) != null) {
                // what the delivery rules judged the mix as, and where that came from
                for (String text : wrap(clean("Judged as " + result.deliverable().summary() + "."), WIDTH)) {
                    line(text);
                }
            }
        }

        /** The session's settings, one per line (verbose). */
        private void settings() throws IOException {
            labelled("Session",
                    result.session().location() == null
                            ? "-"
                            : result.session().location().toAbsolutePath().toString());
            if (!result.session().parts().isEmpty()) {
                // how parts are judged: said only where there are parts (a mix checked alone has none)
                labelled("Export", result.session().exportKind().id());
                PanLaw law = result.session().panLaw();
                labelled("Pan law", ReportSupport.oneDecimal(law.centreGainDb())
                        + " dB: mono parts are compared with stereo parts as if panned centre ("
                        + ReportSupport.signedOneDecimal(law.monoToStereoLoudnessOffsetDb()) + " dB)");
            }
            RuleSet ruleSet = result.ruleSet();
            String ruleSetText = ruleSet == null
                    ? "-"
                    : (ruleSet.title() == null || ruleSet.title().isBlank()
                            ? ruleSet.id()
                            : ruleSet.title() + " (" + ruleSet.id() + ")");
            labelled("Rule set", ruleSetText);
            String when = result.startedAt() == null ? "-" : TIME.format(result.startedAt());
            String took = result.elapsed() == null
                    ? ""
                    : ", took " + ReportSupport.oneDecimal(result.elapsed().toMillis() / 1000.0) + " s";
            labelled("Analysed", when + took);
        }

        private String trackCounts() {
            int parts = 0;
            int references = 0;
            int mixes = 0;
            int failed = 0;
            for (MeasuredTrack track : result.tracks()) {
                Role role = track.track().role();
                if (role == Role.MIX) {
                    mixes++;
                } else if (role == Role.REFERENCE) {
                    references++;
                } else {
                    parts++;
                }
                if (!track.measured()) {
                    failed++;
                }
            }
            StringBuilder sb = new StringBuilder();
            sb.append(plural(result.tracks().size(), "track", "tracks")).append(" (")
                    .append(plural(parts, "part", "parts"));
            if (mixes > 0) {
                sb.append(", ").append(mixes == 1 ? "the mix" : mixes + " mixes");
            } else {
                sb.append(", no mix");
            }
            if (references > 0) {
                sb.append(", ").append(plural(references, "reference", "references"));
            }
            sb.append(')');
            if (failed > 0) {
                sb.append(", ").append(failed).append(" could not be decoded");
            }
            return sb.toString();
        }

        /**
         * The plan, all moves at once: each numbered in the order to make it, with its amount and the rules it
         * answers; the WARN and PROBLEM counts before and after (the planner's prediction, said as such, or the
         * analysis of the rendered session); what it does not clear. Nothing when there is no plan or it moves
         * nothing: the moves below say it all then.
         */
        private void plan() throws IOException {
            if (plan == null || plan.plan().isEmpty()) {
                return;
            }
            line("");
            line("Plan: all moves at once");
            List<PlannedMove> moves = plan.plan().moves();
            int textWidth = 0;
            for (PlannedMove move : moves) {
                textWidth = Math.max(textWidth, clean(move.text()).length());
            }
            textWidth = Math.min(textWidth, PLAN_TEXT_WIDTH);
            for (int i = 0; i < moves.size(); i++) {
                PlannedMove move = moves.get(i);
                String number = String.format(Locale.ROOT, "%2d. ", i + 1);
                String rules = move.rules().isEmpty() ? "" : "[" + clean(String.join(", ", move.rules())) + "]";
                String aligned = (pad(clean(move.text()), textWidth) + "  " + rules).stripTrailing();
                if (number.length() + aligned.length() <= WIDTH) {
                    line(number + aligned);
                } else {
                    List<String> lines = wrap(clean(move.text()) + "  " + rules, WIDTH - number.length());
                    line(number + lines.get(0));
                    for (int k = 1; k < lines.size(); k++) {
                        line(" ".repeat(number.length()) + lines.get(k));
                    }
                }
            }
            String counts = ReportSupport.warnProblemCounts(plan.before().findings()) + " -> ";
            String outcome = plan.isRendered()
                    ? "Rendered and analysed: " + counts + ReportSupport.warnProblemCounts(plan.after().findings())
                    : "Predicted: " + counts + ReportSupport.warnProblemCounts(plan.plan().predicted())
                            + " (run `mixbench plan` to render and verify it)";
            for (String text : wrap(outcome, WIDTH)) {
                line(text);
            }
            if (!plan.plan().refused().isEmpty()) {
                indented(0, "Refused: ", String.join(", ", plan.plan().refused().stream().sorted().toList()));
            }
            for (String sentence : plan.plan().unresolved()) {
                indented(0, "Not cleared: ", sentence);
            }
        }

        /**
         * Each move on one line with the rules that ask for it, then why: its findings' messages, and the move's
         * sentence when it says more than the line.
         */
        private void moves(List<Move> moves) throws IOException {
            if (moves.isEmpty()) {
                return;
            }
            line("");
            line("Moves, most urgent first");
            for (Move move : moves) {
                String text = move.shortText() + "  [" + String.join(", ", move.rules()) + "]";
                tagged(move.severity(), text);
                for (int index : move.findings()) {
                    if (!leftOut[index]) {
                        indented(REASON_INDENT, "", body(result.findings().get(index), false));
                    }
                }
                String more = moreThan(move);
                if (!more.isEmpty()) {
                    indented(REASON_INDENT, "-> ", more);
                }
                if (move.conflict() != null && !move.conflict().equals(move.message())) {
                    indented(REASON_INDENT, "-> ", move.conflict());
                }
            }
        }

        /**
         * What the move's sentence says beyond its line: nothing when it only says the move, the rest when it starts by
         * saying the first fix ("Raise Lead Vox by 15.6 dB. Raised alone, ...").
         */
        private static String moreThan(Move move) {
            String message = move.message().strip();
            if (message.equals(move.shortText() + ".")) {
                return "";
            }
            String first = Moves.describe(List.of(move.fixes().get(0))) + ". ";
            return message.startsWith(first) ? message.substring(first.length()) : message;
        }

        /**
         * The findings no move covers, most severe first, in the result's order within a severity; the streaming
         * preview's INFO findings are its table instead (verbose: listed as well).
         */
        private void otherFindings(boolean[] inMove, boolean afterMoves) throws IOException {
            List<Finding> findings = result.findings();
            boolean any = false;
            for (Severity severity : LISTED) {
                for (int i = 0; i < findings.size(); i++) {
                    Finding finding = findings.get(i);
                    if (finding.severity() != severity || inMove[i] || leftOut[i]
                            || (!verbose && inStreamingTable(finding) && severity == Severity.INFO)) {
                        continue;
                    }
                    if (!any) {
                        line("");
                        line(afterMoves ? "Other findings" : "Findings");
                        any = true;
                    }
                    tagged(finding.severity(), body(finding, true));
                    if (finding.suggestion() != null && !finding.suggestion().isBlank()) {
                        indented(TAG_WIDTH, "-> ", finding.suggestion());
                    }
                }
            }
            if (!any && !afterMoves) {
                line("");
                line("No findings.");
            }
        }

        /** The finding in words: "[rule] " for a rule error, "Tracks: " when asked, message, figures, times. */
        private String body(Finding finding, boolean withTracks) {
            StringBuilder body = new StringBuilder();
            if (finding.severity() == Severity.RULE_ERROR) {
                body.append("[").append(finding.ruleId()).append("] ");
            }
            if (withTracks && !finding.tracks().isEmpty()) {
                body.append(String.join(", ", finding.tracks())).append(": ");
            }
            body.append(finding.message().strip());
            String figures = verbose ? figures(finding.measured(), finding.target()) : "";
            if (!figures.isEmpty()) {
                body.append(" (").append(figures).append(')');
            }
            String times = timeRanges(finding.timeRanges());
            if (!times.isEmpty()) {
                body.append(" At ").append(times).append('.');
            }
            return body.toString();
        }

        /** A severity tag and a text wrapped beside it. */
        private void tagged(Severity severity, String text) throws IOException {
            List<String> lines = wrap(clean(text), WIDTH - TAG_WIDTH);
            String tag = label(severity);
            out.write(paint(severity, tag));
            out.write(" ".repeat(TAG_WIDTH - tag.length()));
            out.write(lines.get(0));
            out.write('\n');
            for (int i = 1; i < lines.size(); i++) {
                line(" ".repeat(TAG_WIDTH) + lines.get(i));
            }
        }

        /** A text {@code indent} columns in, after {@code marker} ("-> "), its wrapped lines aligned after the marker. */
        private void indented(int indent, String marker, String text) throws IOException {
            List<String> lines = wrap(clean(text), WIDTH - indent - marker.length());
            line(" ".repeat(indent) + marker + lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                line(" ".repeat(indent + marker.length()) + lines.get(i));
            }
        }

        private static boolean inStreamingTable(Finding finding) {
            return finding.hasTag(Finding.STREAMING_ROW) && finding.measured() != null;
        }

        /**
         * The streaming preview as one table, a column per platform: the gain it applies, the loudness the mix then
         * plays at, and its true peak after the gain against the platform's ceiling.
         */
        private void streaming() throws IOException {
            List<Finding> platforms = result.findings().stream().filter(Report::inStreamingTable).toList();
            if (platforms.isEmpty()) {
                return;
            }
            MeasuredTrack mix = ReportSupport.mixOf(result);
            OptionalDouble loudness = mix == null
                    ? OptionalDouble.empty()
                    : mix.scalar(MeasurementIds.INTEGRATED_LOUDNESS);
            OptionalDouble truePeak = mix == null ? OptionalDouble.empty() : mix.scalar(MeasurementIds.TRUE_PEAK);
            String[] labels = {"Streaming", "Gain, dB", "Plays at, LUFS", "Peak/ceiling, dBTP"};
            List<String[]> columns = new ArrayList<>();
            for (Finding platform : platforms) {
                double gain = platform.measured().value();
                Target target = platform.target();
                String peak = "-";
                if (truePeak.isPresent()) {
                    // the target's upper end is the most gain that keeps the peak at the ceiling: ceiling - true peak
                    String ceiling = target == null || Double.isNaN(target.max())
                            ? "-"
                            : ReportSupport.oneDecimal(target.max() + truePeak.getAsDouble());
                    peak = ReportSupport.oneDecimal(truePeak.getAsDouble() + gain) + "/" + ceiling;
                }
                String name = clean(platform.measured().measure());
                if (platform.severity().compareTo(Severity.INFO) > 0) {
                    name += " (" + label(platform.severity()) + ")";
                }
                columns.add(new String[]{name, ReportSupport.signedOneDecimal(gain),
                        loudness.isPresent() ? ReportSupport.oneDecimal(loudness.getAsDouble() + gain) : "-", peak});
            }
            int labelWidth = 0;
            for (String label : labels) {
                labelWidth = Math.max(labelWidth, label.length());
            }
            line("");
            // as many columns per block as fit in the width; more platforms continue in a block below
            int from = 0;
            while (from < columns.size()) {
                int to = from;
                int width = labelWidth;
                while (to < columns.size() && (to == from || width + 2 + columnWidth(columns.get(to)) <= WIDTH)) {
                    width += 2 + columnWidth(columns.get(to));
                    to++;
                }
                for (int row = 0; row < labels.length; row++) {
                    StringBuilder sb = new StringBuilder(pad(labels[row], labelWidth));
                    for (int c = from; c < to; c++) {
                        sb.append("  ").append(padLeft(columns.get(c)[row], columnWidth(columns.get(c))));
                    }
                    line(sb.toString().stripTrailing());
                }
                from = to;
            }
        }

        private static int columnWidth(String[] column) {
            int width = 0;
            for (String cell : column) {
                width = Math.max(width, cell.length());
            }
            return width;
        }

        /** How many findings this report leaves out (tonal hints of a session with stems, unless verbose). */
        private int leftOutCount() {
            int hints = 0;
            for (boolean out : leftOut) {
                if (out) {
                    hints++;
                }
            }
            return hints;
        }

        /** E.g. "kick hit peak: -6.2 dBFS; target -12.0 to -10.0 dBFS", or "measured ..." without a measure. */
        private static String figures(Value measured, Target target) {
            StringBuilder sb = new StringBuilder();
            if (measured != null) {
                String measure = measured.measure() == null || measured.measure().isBlank()
                        ? "measured"
                        : measured.measure().strip() + ":";
                sb.append(measure).append(' ').append(ReportSupport.withUnit(measured.value(), measured.unit()));
            }
            if (target != null && !(Double.isNaN(target.min()) && Double.isNaN(target.max()))) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append("target ").append(target.describe());
            }
            return sb.toString();
        }

        /** E.g. "0:12.0-0:18.5, 1:02.0-1:10.0 and 2 more". */
        private static String timeRanges(List<TimeRange> ranges) {
            StringBuilder sb = new StringBuilder();
            int shown = Math.min(ranges.size(), MAX_TIME_RANGES);
            for (int i = 0; i < shown; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(clock(ranges.get(i).startSeconds())).append('-').append(clock(ranges.get(i).endSeconds()));
            }
            if (ranges.size() > shown) {
                sb.append(" and ").append(ranges.size() - shown).append(" more");
            }
            return sb.toString();
        }

        /** Minutes and seconds to a tenth, e.g. "1:02.5". */
        private static String clock(double seconds) {
            long tenths = Math.round(Math.max(0, seconds) * 10);
            long minutes = tenths / 600;
            double rest = (tenths % 600) / 10.0;
            return String.format(Locale.ROOT, "%d:%04.1f", minutes, rest);
        }

        private void tracks() throws IOException {
            line("");
            line("Tracks");
            List<MeasuredTrack> tracks = result.tracks();
            int nameWidth = "Name".length();
            int roleWidth = "Role".length();
            int formatWidth = "Format".length();
            for (MeasuredTrack track : tracks) {
                nameWidth = Math.max(nameWidth, clean(track.name()).length());
                roleWidth = Math.max(roleWidth, track.track().role().id().length());
                if (track.format() != null) {
                    formatWidth = Math.max(formatWidth, describeFormat(track.format()).length());
                }
            }
            // Shrink the widest of name and format until the row fits; longer texts are cut with "~".
            int levelsWidth = 0;
            for (String[] column : LEVEL_COLUMNS) {
                levelsWidth += 2 + column[0].length();
            }
            int textWidth = WIDTH - levelsWidth - 4;
            while (nameWidth + roleWidth + formatWidth > textWidth
                    && (nameWidth > MIN_NAME_WIDTH || formatWidth > MIN_FORMAT_WIDTH)) {
                if (nameWidth > MIN_NAME_WIDTH && (nameWidth >= formatWidth || formatWidth <= MIN_FORMAT_WIDTH)) {
                    nameWidth--;
                } else {
                    formatWidth--;
                }
            }
            StringBuilder header = new StringBuilder();
            header.append(pad("Name", nameWidth)).append("  ").append(pad("Role", roleWidth)).append("  ")
                    .append(pad("Format", formatWidth));
            for (String[] column : LEVEL_COLUMNS) {
                header.append("  ").append(column[0]);
            }
            line(header.toString().stripTrailing());
            int levelsStart = nameWidth + roleWidth + 4;
            for (MeasuredTrack track : tracks) {
                StringBuilder row = new StringBuilder();
                row.append(pad(fit(clean(track.name()), nameWidth), nameWidth)).append("  ")
                        .append(pad(fit(track.track().role().id(), roleWidth), roleWidth)).append("  ");
                if (!track.measured()) {
                    // A failed track has no levels: its error takes the rest of the row.
                    List<String> error = wrap("error: " + clean(track.error()), WIDTH - levelsStart);
                    row.append(error.get(0));
                    line(row.toString().stripTrailing());
                    for (int i = 1; i < error.size(); i++) {
                        line(" ".repeat(levelsStart) + error.get(i));
                    }
                    continue;
                }
                String format = track.format() == null ? "-" : describeFormat(track.format());
                row.append(pad(fit(format, formatWidth), formatWidth));
                for (String[] column : LEVEL_COLUMNS) {
                    OptionalDouble value = track.scalar(column[1]);
                    String text = value.isPresent() ? ReportSupport.oneDecimal(value.getAsDouble()) : "-";
                    row.append("  ").append(padLeft(text, column[0].length()));
                }
                line(row.toString().stripTrailing());
            }
        }

        private void verdict() throws IOException {
            int[] counts = ReportSupport.counts(result);
            Severity worst = result.worstSeverity();
            List<String> parts = new ArrayList<>();
            if (counts[Severity.RULE_ERROR.ordinal()] > 0) {
                parts.add(plural(counts[Severity.RULE_ERROR.ordinal()], "rule error", "rule errors"));
            }
            if (counts[Severity.PROBLEM.ordinal()] > 0) {
                parts.add(plural(counts[Severity.PROBLEM.ordinal()], "problem", "problems"));
            }
            if (counts[Severity.WARN.ordinal()] > 0) {
                parts.add(plural(counts[Severity.WARN.ordinal()], "warning", "warnings"));
            }
            if (counts[Severity.INFO.ordinal()] > 0) {
                int hidden = leftOutCount();
                parts.add(counts[Severity.INFO.ordinal()] + " info"
                        + (hidden > 0 ? " (" + plural(hidden, "tonal hint", "tonal hints") + ": --verbose)" : ""));
            }
            parts.add(plural(counts[Severity.OK.ordinal()], "check passed", "checks passed"));
            line("");
            String tag = label(worst);
            List<String> lines = wrap("Verdict: " + tag + " - " + String.join(", ", parts) + ".", WIDTH);
            out.write("Verdict: ");
            out.write(paint(worst, tag));
            line(lines.get(0).substring(("Verdict: " + tag).length()));
            for (int i = 1; i < lines.size(); i++) {
                line(lines.get(i));
            }
        }

        private void labelled(String label, String value) throws IOException {
            List<String> lines = wrap(clean(value), WIDTH - LABEL_WIDTH);
            line(pad(label, LABEL_WIDTH) + lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                line(" ".repeat(LABEL_WIDTH) + lines.get(i));
            }
        }

        private String paint(Severity severity, String text) {
            if (!colour) {
                return text;
            }
            return switch (severity) {
                case PROBLEM, RULE_ERROR -> RED + text + RESET;
                case WARN -> YELLOW + text + RESET;
                default -> text;
            };
        }

        private void line(String text) throws IOException {
            out.write(text);
            out.write('\n');
        }
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** Shortens text to the width, marking the cut with "~". */
    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
