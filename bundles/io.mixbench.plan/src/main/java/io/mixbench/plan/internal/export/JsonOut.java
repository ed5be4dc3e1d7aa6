package io.mixbench.plan.internal.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.GainPoint;
import io.mixbench.rule.Fix;
import io.mixbench.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A JSON document of the plan's exports being written: jackson-core's streaming generator, as the JSON report is
 * written, with the report's conventions (docs/report-format.md): fixed field order, full double precision,
 * non-finite numbers as null, a fix as one flat object {@code {"track": .., <action>: value, ...}}.
 */
final class JsonOut implements AutoCloseable {

    /** The version key of the tool in {@link AnalysisResult#versions()}, as the reports read it. */
    private static final String TOOL_VERSION_KEY = "mixbench";
    /** The key a fix's track takes in its flat object; an action of that name cannot be written. */
    private static final String FIX_TRACK = "track";
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    final JsonGenerator gen;
    private final OutputStream out;

    JsonOut(OutputStream out) throws IOException {
        this.out = out;
        this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        // As the report: two spaces, "\n" on every platform, no space before a colon.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(new Separators(" ", ':', Separators.Spacing.AFTER, ',',
                Separators.Spacing.NONE, "", ',', Separators.Spacing.NONE, ""));
        printer.indentObjectsWith(INDENTER);
        printer.indentArraysWith(INDENTER);
        gen.setPrettyPrinter(printer);
    }

    /** Ends the document with a line end and flushes the stream (which stays open). */
    @Override
    public void close() throws IOException {
        gen.writeRaw('\n');
        gen.close();
        out.flush();
    }

    /** "format", "formatVersion", "tool", "session" and "ruleSetId": the head of every document. */
    void head(String format, int formatVersion, AnalysisResult before, String ruleSetId) throws IOException {
        gen.writeStringField("format", format);
        gen.writeNumberField("formatVersion", formatVersion);
        gen.writeObjectFieldStart("tool");
        gen.writeStringField("name", "Mixbench");
        String version = before.versions().get(TOOL_VERSION_KEY);
        gen.writeStringField("version", version == null || version.isBlank() ? "unknown" : version);
        gen.writeEndObject();
        Session session = before.session();
        gen.writeObjectFieldStart("session");
        gen.writeStringField("name", sessionName(session));
        string("location", session.location() == null ? null : session.location().toAbsolutePath().toString());
        gen.writeEndObject();
        gen.writeStringField("ruleSetId", ruleSetId);
    }

    /** The session's name as the exports give it: its file's or folder's name. */
    static String sessionName(Session session) {
        Path location = session.location();
        return location == null || location.getFileName() == null ? "session" : location.getFileName().toString();
    }

    /** {@code [{"seconds", "samples", "gainDb"}, ...]}; with {@code staticGainDb}, also "totalGainDb". */
    void breakpoints(String name, List<GainPoint> points, OptionalInt sampleRateHz, Double staticGainDb)
            throws IOException {
        gen.writeArrayFieldStart(name);
        for (GainPoint point : points) {
            gen.writeStartObject();
            number("seconds", point.seconds());
            Long samples = Ride.samples(sampleRateHz, point.seconds());
            if (samples == null) {
                gen.writeNullField("samples");
            } else {
                gen.writeNumberField("samples", samples);
            }
            number("gainDb", point.gainDb());
            if (staticGainDb != null) {
                number("totalGainDb", staticGainDb + point.gainDb());
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    /** {@code {"track": name, action: value, ...}}: the actions flattened into one object, in their order. */
    void fix(Fix fix) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(FIX_TRACK, fix.track());
        for (Map.Entry<String, Object> action : fix.actions().entrySet()) {
            if (action.getKey() != null && !FIX_TRACK.equals(action.getKey())) {
                gen.writeFieldName(action.getKey());
                value(action.getValue());
            }
        }
        gen.writeEndObject();
    }

    /** An action's value as the report writes it: a boolean, an exact whole number, a float's shortest form. */
    private void value(Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            gen.writeNumber(value.toString());
        } else if (value instanceof Float single) {
            if (Float.isFinite(single)) {
                gen.writeNumber(single);
            } else {
                gen.writeNull();
            }
        } else if (value instanceof Number number) {
            finite(number.doubleValue());
        } else {
            gen.writeString(value.toString());
        }
    }

    /** A string field, null when the value is. */
    void string(String name, String value) throws IOException {
        if (value == null) {
            gen.writeNullField(name);
        } else {
            gen.writeStringField(name, value);
        }
    }

    /** A number field in full precision; NaN and infinities become null. */
    void number(String name, double value) throws IOException {
        gen.writeFieldName(name);
        finite(value);
    }

    /** A number field only when the value is not null. */
    void numberUnlessNull(String name, Double value) throws IOException {
        if (value != null) {
            number(name, value);
        }
    }

    private void finite(double value) throws IOException {
        if (Double.isFinite(value)) {
            gen.writeNumber(value);
        } else {
            gen.writeNull();
        }
    }

    /** An array field of strings. */
    void strings(String name, Iterable<String> values) throws IOException {
        gen.writeArrayFieldStart(name);
        for (String value : values) {
            gen.writeString(value);
        }
        gen.writeEndArray();
    }
}
