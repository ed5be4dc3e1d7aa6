package io.mixbench.report.standard.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.analysis.Move;
import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Finding;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.Fix;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rule.Value;
import io.mixbench.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * The JSON report (format "mixbench-report", version {@value #FORMAT_VERSION}; contract: docs/report-format.md,
 * schema: docs/schema/report.schema.json). Written with a streaming generator, so a result with long series is
 * never held as a second copy in memory. Field order is fixed; non-finite numbers are written as null.
 */
@Component(service = ReportRenderer.class, property = ReportRenderer.FORMAT + "=" + JsonReportRenderer.FORMAT_ID)
public final class JsonReportRenderer implements ReportRenderer {

    static final String FORMAT_ID = "json";
    /** The value of the report's "format" field. */
    static final String FORMAT_NAME = "mixbench-report";
    /** The value of the report's "formatVersion" field; raised when fields are added, never for renames. */
    static final int FORMAT_VERSION = 4;

    /** The action key a fix's track name takes in the flattened fix object. */
    private static final String FIX_TRACK = "track";

    private final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Override
    public String format() {
        return FORMAT_ID;
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(AnalysisResult result, ReportOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        ReportPrettyPrinter printer = new ReportPrettyPrinter();
        try (JsonGenerator gen = factory.createGenerator(out, JsonEncoding.UTF8)) {
            gen.setPrettyPrinter(printer);
            new Writer(gen, printer).report(result, options == null ? null : options.plan());
            gen.writeRaw('\n');
        }
        out.flush();
    }

    /** Indents objects and arrays of objects over lines, but keeps arrays of numbers or names on one line. */
    private static final class ReportPrettyPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private static final DefaultIndenter BLOCK = new DefaultIndenter("  ", "\n");

        ReportPrettyPrinter() {
            super(new Separators(" ", ':', Separators.Spacing.AFTER, ',', Separators.Spacing.NONE, "", ',',
                    Separators.Spacing.NONE, ""));
            indentObjectsWith(BLOCK);
            indentArraysWith(BLOCK);
        }

        /** Switch only between arrays (never inside one): the nesting depth counts block arrays only. */
        void inlineArrays(boolean inline) {
            indentArraysWith(inline ? FixedSpaceIndenter.instance : BLOCK);
        }
    }

    /** One rendering; holds the generator. */
    private static final class Writer {
        private final JsonGenerator gen;
        private final ReportPrettyPrinter printer;

        Writer(JsonGenerator gen, ReportPrettyPrinter printer) {
            this.gen = gen;
            this.printer = printer;
        }

        void report(AnalysisResult result, VerifiedPlan plan) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("format", FORMAT_NAME);
            gen.writeNumberField("formatVersion", FORMAT_VERSION);

            gen.writeObjectFieldStart("tool");
            gen.writeStringField("name", "Mixbench");
            gen.writeStringField("version", ReportSupport.toolVersion(result));
            gen.writeEndObject();

            gen.writeObjectFieldStart("versions");
            for (Map.Entry<String, String> entry : ReportSupport.sortedVersions(result).entrySet()) {
                nullableString(entry.getKey(), entry.getValue());
            }
            gen.writeEndObject();

            gen.writeFieldName("analysedAt");
            gen.writeString(result.startedAt().toString());
            number("elapsedSeconds", result.elapsed() == null ? Double.NaN : result.elapsed().toNanos() / 1e9);

            session(result.session());
            ruleSet(result.ruleSet(), result.rules());
            deliverable(result.deliverable());
            summary(result);
            moves(result.moves());
            if (plan != null) {
                plan(plan);
            }

            MeasuredTrack mix = ReportSupport.mixOf(result);
            gen.writeArrayFieldStart("tracks");
            for (MeasuredTrack track : result.tracks()) {
                if (track != mix) {
                    track(track);
                }
            }
            gen.writeEndArray();
            if (mix != null) {
                gen.writeFieldName("mix");
                track(mix);
            }

            gen.writeArrayFieldStart("findings");
            for (Finding finding : result.findings()) {
                finding(finding);
            }
            gen.writeEndArray();

            gen.writeArrayFieldStart("groups");
            for (GroupMeasurement group : result.groups()) {
                gen.writeStartObject();
                gen.writeStringField("meter", group.meterId());
                gen.writeArrayFieldStart("tracks");
                for (String name : group.tracks()) {
                    gen.writeString(name);
                }
                gen.writeEndArray();
                measurements(group.measurements());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }

        private void session(Session session) throws IOException {
            gen.writeObjectFieldStart("session");
            nullableString("location", pathString(session.location()));
            gen.writeStringField("exportKind", session.exportKind().id());
            number("panLawDb", session.panLaw().centreGainDb());
            gen.writeStringField("panLawNote", ReportSupport.panLawNote(session.panLaw()));
            gen.writeEndObject();
        }

        private void ruleSet(RuleSet ruleSet, List<AppliedRule> rules) throws IOException {
            gen.writeObjectFieldStart("ruleSet");
            nullableString("id", ruleSet == null ? null : ruleSet.id());
            nullableString("title", ruleSet == null ? null : ruleSet.title());
            nullableString("source", ruleSet == null ? null : ruleSet.source());
            gen.writeArrayFieldStart("rules");
            for (AppliedRule rule : rules) {
                gen.writeStartObject();
                nullableString("id", rule.ruleId());
                nullableString("title", rule.title());
                nullableString("bundle", rule.bundle());
                nullableString("bundleVersion", rule.bundleVersion());
                nullableString("outcome", rule.outcome());
                gen.writeObjectFieldStart("parameters");
                for (Map.Entry<String, Double> parameter : new TreeMap<>(rule.parameters()).entrySet()) {
                    number(parameter.getKey(), parameter.getValue() == null ? Double.NaN : parameter.getValue());
                }
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }

        private void deliverable(JudgedDeliverable deliverable) throws IOException {
            gen.writeObjectFieldStart("deliverable");
            gen.writeStringField("id", deliverable.deliverable().id());
            gen.writeStringField("source", deliverable.source().id());
            gen.writeStringField("reason", deliverable.reason());
            gen.writeStringField("text", deliverable.describe());
            gen.writeEndObject();
        }

        private void summary(AnalysisResult result) throws IOException {
            gen.writeObjectFieldStart("summary");
            gen.writeStringField("verdict", result.worstSeverity().id());
            counts("counts", result.findings());
            gen.writeEndObject();
        }

        /** The findings grouped by the move they ask for (analysis API {@link Move}), most urgent first. */
        private void moves(List<Move> moves) throws IOException {
            gen.writeArrayFieldStart("moves");
            for (Move move : moves) {
                gen.writeStartObject();
                gen.writeStringField("track", move.track());
                gen.writeStringField("kind", move.kind().id());
                gen.writeStringField("severity", move.severity().id());
                gen.writeObjectFieldStart("actions");
                actions(move.fixes().get(0));
                gen.writeEndObject();
                fixes(move.fixes());
                names("rules", move.rules());
                printer.inlineArrays(true);
                gen.writeArrayFieldStart("findings");
                for (int index : move.findings()) {
                    gen.writeNumber(index);
                }
                gen.writeEndArray();
                printer.inlineArrays(false);
                gen.writeStringField("shortText", move.shortText());
                gen.writeStringField("message", move.message());
                gen.writeFieldName("gainWindow");
                target(move.gainWindow());
                nullableString("conflict", move.conflict());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }

        /**
         * The balance plan the options carry: its moves in the order to make them, the findings per severity before,
         * as the planner predicts them and, when rendered, as the rendered session's analysis found them; what it
         * does not clear.
         */
        private void plan(VerifiedPlan verified) throws IOException {
            Plan plan = verified.plan();
            gen.writeObjectFieldStart("plan");
            gen.writeStringField("ruleSet", plan.ruleSetId());
            gen.writeBooleanField("rendered", verified.isRendered());
            nullableString("sessionFile",
                    verified.isRendered() ? pathString(verified.rendered().sessionFile()) : null);
            gen.writeArrayFieldStart("moves");
            for (PlannedMove move : plan.moves()) {
                gen.writeStartObject();
                gen.writeStringField("id", move.id());
                gen.writeStringField("kind", move.kind().id());
                names("tracks", new LinkedHashSet<>(move.fixes().stream().map(Fix::track).toList()));
                fixes(move.fixes());
                names("rules", move.rules());
                gen.writeStringField("text", move.text());
                gen.writeArrayFieldStart("ride");
                for (GainPoint point : move.ride()) {
                    gen.writeStartObject();
                    number("seconds", point.seconds());
                    number("gainDb", point.gainDb());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            number("commonGainDb", plan.commonGainDb());
            number("busGainDb", plan.busGainDb());
            counts("before", verified.before().findings());
            counts("predicted", plan.predicted());
            if (verified.isRendered()) {
                counts("after", verified.after().findings());
            } else {
                gen.writeNullField("after");
            }
            gen.writeArrayFieldStart("unresolved");
            for (String sentence : plan.unresolved()) {
                gen.writeString(sentence);
            }
            gen.writeEndArray();
            names("refused", plan.refused().stream().sorted().toList());
            gen.writeEndObject();
        }

        /** {severity id: number of findings}, always all five keys. */
        private void counts(String name, List<Finding> findings) throws IOException {
            int[] counts = ReportSupport.counts(findings);
            gen.writeObjectFieldStart(name);
            for (Severity severity : Severity.values()) {
                gen.writeNumberField(severity.id(), counts[severity.ordinal()]);
            }
            gen.writeEndObject();
        }

        private void track(MeasuredTrack measured) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("name", measured.track().name());
            gen.writeStringField("role", measured.track().role().id());
            nullableString("file", pathString(measured.track().file()));
            if (measured.track().group() != null) {
                gen.writeStringField("group", measured.track().group());
            }
            gen.writeFieldName("format");
            audioFormat(measured.format());
            number("durationSeconds", measured.durationSeconds());
            if (measured.error() != null) {
                gen.writeStringField("error", measured.error());
            }
            measurements(measured.measurements());
            gen.writeEndObject();
        }

        private void measurements(Map<String, Measurement> measurements) throws IOException {
            gen.writeObjectFieldStart("measurements");
            for (Map.Entry<String, Measurement> entry : new TreeMap<>(measurements).entrySet()) {
                gen.writeFieldName(entry.getKey());
                measurement(entry.getValue());
            }
            gen.writeEndObject();
        }

        private void audioFormat(AudioFormat format) throws IOException {
            if (format == null) {
                gen.writeNull();
                return;
            }
            gen.writeStartObject();
            gen.writeStringField("formatName", format.formatName());
            gen.writeNumberField("sampleRateHz", format.sampleRateHz());
            gen.writeNumberField("channels", format.channels());
            gen.writeStringField("layout", format.layout().displayName());
            gen.writeNumberField("bitsPerSample", format.bitsPerSample());
            gen.writeStringField("encoding", ReportSupport.encodingId(format.encoding()));
            gen.writeEndObject();
        }

        private void measurement(Measurement measurement) throws IOException {
            gen.writeStartObject();
            if (measurement instanceof Scalar scalar) {
                number("value", scalar.value());
                unit(scalar.unit());
                if (scalar.reason() != null) {
                    gen.writeStringField("reason", scalar.reason());
                }
            } else if (measurement instanceof PerChannel perChannel) {
                printer.inlineArrays(true);
                gen.writeArrayFieldStart("channels");
                for (String channel : perChannel.channels()) {
                    gen.writeString(channel);
                }
                gen.writeEndArray();
                numbers("values", perChannel.values());
                printer.inlineArrays(false);
                unit(perChannel.unit());
            } else if (measurement instanceof Spectrum spectrum) {
                printer.inlineArrays(true);
                numbers("frequenciesHz", spectrum.frequenciesHz());
                numbers("values", spectrum.values());
                printer.inlineArrays(false);
                unit(spectrum.unit());
            } else if (measurement instanceof Series series) {
                number("stepSeconds", series.stepSeconds());
                printer.inlineArrays(true);
                gen.writeArrayFieldStart("values");
                int size = series.size();
                for (int i = 0; i < size; i++) {
                    finite(series.get(i));
                }
                gen.writeEndArray();
                printer.inlineArrays(false);
                unit(series.unit());
            } else {
                // A measurement type this format version does not know: state that rather than drop the id.
                gen.writeNullField("value");
                unit(measurement == null ? null : measurement.unit());
                gen.writeStringField("reason", "measurement type "
                        + (measurement == null ? "null" : measurement.getClass().getSimpleName())
                        + " is not supported by report format version " + FORMAT_VERSION);
            }
            gen.writeEndObject();
        }

        private void finding(Finding finding) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("rule", finding.ruleId());
            gen.writeStringField("severity", finding.severity().id());
            names("tracks", finding.tracks());
            gen.writeStringField("message", finding.message());

            gen.writeFieldName("measured");
            Value measured = finding.measured();
            if (measured == null) {
                gen.writeNull();
            } else {
                gen.writeStartObject();
                number("value", measured.value());
                unit(measured.unit());
                nullableString("measure", measured.measure());
                gen.writeEndObject();
            }

            gen.writeFieldName("target");
            target(finding.target());

            gen.writeFieldName("fix");
            fix(finding.fix());
            fixes(finding.fixes());
            nullableString("suggestion", finding.suggestion());

            gen.writeArrayFieldStart("timeRanges");
            for (TimeRange range : finding.timeRanges()) {
                gen.writeStartObject();
                number("startSeconds", range.startSeconds());
                number("endSeconds", range.endSeconds());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }

        /** {"min", "max", "unit"}, an open end null; null for no target. */
        private void target(Target target) throws IOException {
            if (target == null) {
                gen.writeNull();
                return;
            }
            gen.writeStartObject();
            number("min", target.min());
            number("max", target.max());
            unit(target.unit());
            gen.writeEndObject();
        }

        /** The field "fixes": each fix as {@link #fix(Fix)} writes it. */
        private void fixes(List<Fix> fixes) throws IOException {
            gen.writeArrayFieldStart("fixes");
            for (Fix fix : fixes) {
                fix(fix);
            }
            gen.writeEndArray();
        }

        /** An array of names (tracks, rule ids) on one line. */
        private void names(String field, Collection<String> names) throws IOException {
            printer.inlineArrays(true);
            gen.writeArrayFieldStart(field);
            for (String name : names) {
                gen.writeString(name);
            }
            gen.writeEndArray();
            printer.inlineArrays(false);
        }

        /** {"track": name, action: value, ...}: the actions flattened into one object, in their order. */
        private void fix(Fix fix) throws IOException {
            if (fix == null) {
                gen.writeNull();
                return;
            }
            gen.writeStartObject();
            gen.writeStringField(FIX_TRACK, fix.track());
            actions(fix);
            gen.writeEndObject();
        }

        /** The fix's actions as fields of the object being written, in their order. */
        private void actions(Fix fix) throws IOException {
            for (Map.Entry<String, Object> action : fix.actions().entrySet()) {
                if (action.getKey() == null || FIX_TRACK.equals(action.getKey())) {
                    // "track" names the track; an action of that name cannot be represented.
                    continue;
                }
                gen.writeFieldName(action.getKey());
                Object value = action.getValue();
                if (value instanceof Boolean flag) {
                    gen.writeBoolean(flag);
                } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof Byte) {
                    gen.writeNumber(((Number) value).longValue());
                } else if (value instanceof Float single) {
                    finite(single);
                } else if (value instanceof BigInteger big) {
                    gen.writeNumber(big);
                } else if (value instanceof BigDecimal big) {
                    gen.writeNumber(big);
                } else if (value instanceof Number number) {
                    finite(number.doubleValue());
                } else if (value == null) {
                    gen.writeNull();
                } else {
                    gen.writeString(value.toString());
                }
            }
        }

        private void numbers(String name, double[] values) throws IOException {
            gen.writeArrayFieldStart(name);
            for (double value : values) {
                finite(value);
            }
            gen.writeEndArray();
        }

        /** Full double precision; NaN and infinities become null. */
        private void number(String name, double value) throws IOException {
            gen.writeFieldName(name);
            finite(value);
        }

        private void finite(double value) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }

        /** Floats are written as floats (shortest form of the float, e.g. 0.1, not 0.10000000149011612). */
        private void finite(float value) throws IOException {
            if (Float.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }

        /** Units are required by the contract: a meter that gives none gets an empty unit rather than null. */
        private void unit(String unit) throws IOException {
            gen.writeStringField("unit", unit == null ? "" : unit);
        }

        private void nullableString(String name, String value) throws IOException {
            if (value == null) {
                gen.writeNullField(name);
            } else {
                gen.writeStringField(name, value);
            }
        }

        private static String pathString(Path path) {
            return path == null ? null : path.toAbsolutePath().toString();
        }
    }
}
