package io.mixbench.plan.internal.export;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.RenderedSession;
import io.mixbench.plan.TrackChanges;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.plan.internal.Explanations;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The plan as JSON (format "mixbench-plan", version {@value #FORMAT_VERSION}; contract: docs/plan-exports.md, schema:
 * docs/schema/plan.schema.json).
 */
public final class PlanJson {

    /** The value of the "format" field. */
    static final String FORMAT_NAME = "mixbench-plan";
    /** The value of the "formatVersion" field; raised when fields are added, never for renames. */
    static final int FORMAT_VERSION = 1;

    private PlanJson() {
    }

    public static void write(VerifiedPlan verified, OutputStream out) throws IOException {
        Plan plan = verified.plan();
        try (JsonOut json = new JsonOut(out)) {
            json.gen.writeStartObject();
            json.head(FORMAT_NAME, FORMAT_VERSION, verified.before(), plan.ruleSetId());
            moves(json, plan.moves(), verified.before());
            changes(json, plan.changes(), verified.before());
            json.number("commonGainDb", plan.commonGainDb());
            json.number("busGainDb", plan.busGainDb());
            json.gen.writeObjectFieldStart("predicted");
            counts(json, plan.predicted());
            findings(json, plan.predicted());
            json.gen.writeEndObject();
            json.strings("unresolved", plan.unresolved());
            json.strings("refused", new TreeSet<>(plan.refused()));
            json.gen.writeFieldName("verified");
            if (verified.isRendered()) {
                verified(json, verified.rendered(), verified.before(), verified.after(),
                        Explanations.of(verified));
            } else {
                json.gen.writeNull();
            }
            json.gen.writeEndObject();
        }
    }

    private static void moves(JsonOut json, List<PlannedMove> moves, AnalysisResult before) throws IOException {
        json.gen.writeArrayFieldStart("moves");
        for (PlannedMove move : moves) {
            json.gen.writeStartObject();
            json.gen.writeStringField("id", move.id());
            json.gen.writeStringField("kind", move.kind().id());
            json.strings("tracks", move.fixes().stream().map(Fix::track).distinct().toList());
            json.gen.writeArrayFieldStart("fixes");
            for (Fix fix : move.fixes()) {
                json.fix(fix);
            }
            json.gen.writeEndArray();
            json.strings("rules", move.rules());
            json.gen.writeStringField("text", move.text());
            json.breakpoints("ride", move.ride(), Ride.sampleRateHz(before, move.track()), null);
            json.gen.writeEndObject();
        }
        json.gen.writeEndArray();
    }

    /** Every part's changes, every field of {@link TrackChanges}; a field that is null is left out. */
    private static void changes(JsonOut json, List<TrackChanges> changes, AnalysisResult before) throws IOException {
        json.gen.writeArrayFieldStart("changes");
        for (TrackChanges part : changes) {
            json.gen.writeStartObject();
            json.gen.writeStringField("track", part.track());
            json.number("gainDb", part.gainDb());
            json.breakpoints("ride", part.ride(), Ride.sampleRateHz(before, part.track()), null);
            json.gen.writeBooleanField("invertPolarity", part.invertPolarity());
            json.numberUnlessNull("highPassHz", part.highPassHz());
            json.numberUnlessNull("panPercent", part.panPercent());
            json.number("balanceDb", part.balanceDb());
            json.numberUnlessNull("widthPercent", part.widthPercent());
            json.numberUnlessNull("sideHighPassHz", part.sideHighPassHz());
            json.gen.writeNumberField("filterSlopeDbPerOctave", part.filterSlopeDbPerOctave());
            json.gen.writeEndObject();
        }
        json.gen.writeEndArray();
    }

    /** "counts": the number of findings of each severity, every severity named. */
    private static void counts(JsonOut json, List<Finding> findings) throws IOException {
        int[] counts = new int[Severity.values().length];
        for (Finding finding : findings) {
            counts[finding.severity().ordinal()]++;
        }
        json.gen.writeObjectFieldStart("counts");
        for (Severity severity : Severity.values()) {
            json.gen.writeNumberField(severity.id(), counts[severity.ordinal()]);
        }
        json.gen.writeEndObject();
    }

    /** "findings": the WARN and PROBLEM findings, in their order (most severe first). */
    private static void findings(JsonOut json, List<Finding> findings) throws IOException {
        json.gen.writeArrayFieldStart("findings");
        for (Finding finding : findings) {
            if (finding.severity() == Severity.WARN || finding.severity() == Severity.PROBLEM) {
                json.gen.writeStartObject();
                json.gen.writeStringField("rule", finding.ruleId());
                json.gen.writeStringField("severity", finding.severity().id());
                json.strings("tracks", finding.tracks());
                json.gen.writeStringField("message", finding.message());
                json.gen.writeEndObject();
            }
        }
        json.gen.writeEndArray();
    }

    private static void verified(JsonOut json, RenderedSession rendered, AnalysisResult before, AnalysisResult after,
            List<String> explanations) throws IOException {
        json.gen.writeStartObject();
        json.gen.writeObjectFieldStart("files");
        json.gen.writeStringField("sessionFile", path(rendered.sessionFile()));
        json.gen.writeArrayFieldStart("stems");
        for (Map.Entry<String, Path> stem : rendered.stems().entrySet()) {
            json.gen.writeStartObject();
            json.gen.writeStringField("track", stem.getKey());
            json.gen.writeStringField("file", path(stem.getValue()));
            json.gen.writeEndObject();
        }
        json.gen.writeEndArray();
        json.gen.writeStringField("mix", path(rendered.mix()));
        json.number("mixPeakDbfs", rendered.mixPeakDbfs());
        json.gen.writeEndObject();

        json.gen.writeObjectFieldStart("before");
        counts(json, before.findings());
        json.gen.writeEndObject();
        json.gen.writeObjectFieldStart("after");
        counts(json, after.findings());
        findings(json, after.findings());
        json.gen.writeArrayFieldStart("explanations");
        for (String sentence : explanations) {
            json.gen.writeString(sentence);
        }
        json.gen.writeEndArray();
        json.gen.writeEndObject();

        MeasuredTrack mix = after.mix().orElse(null);
        json.gen.writeObjectFieldStart("mix");
        json.number("samplePeakDbfs", scalar(mix, MeasurementIds.SAMPLE_PEAK));
        json.number("truePeakDbtp", scalar(mix, MeasurementIds.TRUE_PEAK));
        json.number("integratedLoudnessLufs", scalar(mix, MeasurementIds.INTEGRATED_LOUDNESS));
        json.gen.writeEndObject();
        json.gen.writeEndObject();
    }

    /** The track's scalar measurement, NaN (written as null) when there is no track or no value. */
    private static double scalar(MeasuredTrack track, String id) {
        OptionalDouble value = track == null ? OptionalDouble.empty() : track.scalar(id);
        return value.orElse(Double.NaN);
    }

    private static String path(Path path) {
        return path.toAbsolutePath().toString();
    }
}
