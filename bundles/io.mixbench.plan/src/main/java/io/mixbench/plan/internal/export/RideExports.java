package io.mixbench.plan.internal.export;

import io.mixbench.plan.GainPoint;
import io.mixbench.plan.VerifiedPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The rides' breakpoints as CSV and JSON (docs/plan-exports.md): every ridden part's breakpoints by part (session
 * order), then time, with the ride's gain and the total gain (static + ride).
 */
public final class RideExports {

    /** The value of the rides JSON's "format" field. */
    static final String FORMAT_NAME = "mixbench-rides";
    /** The value of the rides JSON's "formatVersion" field. */
    static final int FORMAT_VERSION = 1;

    private RideExports() {
    }

    /** Columns: track, seconds, samples, gainDb, totalGainDb; one row a breakpoint. */
    public static void writeCsv(VerifiedPlan plan, OutputStream out) throws IOException {
        CsvOut csv = new CsvOut(out);
        csv.row(List.of("track", "seconds", "samples", "gainDb", "totalGainDb"));
        for (Ride ride : Ride.of(plan)) {
            for (GainPoint point : ride.points()) {
                Long samples = Ride.samples(ride.sampleRateHz(), point.seconds());
                csv.row(List.of(CsvOut.text(ride.track()), CsvOut.number(point.seconds()),
                        samples == null ? "" : Long.toString(samples), CsvOut.number(point.gainDb()),
                        CsvOut.number(ride.staticGainDb() + point.gainDb())));
            }
        }
        csv.flush();
    }

    /** {@code {"format", "formatVersion", "tool", "session", "ruleSetId", "rides": [...]}}. */
    public static void writeJson(VerifiedPlan plan, OutputStream out) throws IOException {
        try (JsonOut json = new JsonOut(out)) {
            json.gen.writeStartObject();
            json.head(FORMAT_NAME, FORMAT_VERSION, plan.before(), plan.plan().ruleSetId());
            json.gen.writeArrayFieldStart("rides");
            for (Ride ride : Ride.of(plan)) {
                json.gen.writeStartObject();
                json.gen.writeStringField("track", ride.track());
                if (ride.sampleRateHz().isPresent()) {
                    json.gen.writeNumberField("sampleRateHz", ride.sampleRateHz().getAsInt());
                } else {
                    json.gen.writeNullField("sampleRateHz");
                }
                json.number("staticGainDb", ride.staticGainDb());
                json.breakpoints("breakpoints", ride.points(), ride.sampleRateHz(), ride.staticGainDb());
                json.gen.writeEndObject();
            }
            json.gen.writeEndArray();
            json.gen.writeEndObject();
        }
    }
}
