package io.mixbench.itests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.itests.e2e.Multitrack.Track;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a finding's structured fix (the JSON {@code fix} object of a report) to a {@link Multitrack}, the way an
 * engineer would in the DAW, so the session can be rendered again and re-measured.
 *
 * <p>
 * On a part: the actions change its stem. On the mix: {@code gainDb} moves the master fader (the rules say "the mix
 * bus (master fader)"); {@code bypassBusProcessing} takes the bus limiter off, so the mix is the plain sum again;
 * {@code truePeakLimitDbtp} puts a true-peak limiter on the bus; every other action is linear and is applied to every
 * stem, which changes the mix exactly as on the bus and keeps the mix the stems' sum. With {@code allParts} the actions
 * apply to every part (a VCA over all faders). An action this class does not
 * know fails the test, so a rule cannot add an action the end-to-end tests silently skip.
 */
final class FixApplier {

    static final Set<String> TIMING = Set.of("startSeconds", "endSeconds");

    private FixApplier() {
    }

    static void apply(JsonNode fix, Multitrack session) {
        if (fix.has("allParts")) {
            applyToAllParts(fix, session);
            return;
        }
        String track = fix.get("track").asText();
        double start = fix.has("startSeconds") ? fix.get("startSeconds").asDouble() : 0;
        double end = fix.has("endSeconds") ? fix.get("endSeconds").asDouble() : Double.POSITIVE_INFINITY;
        boolean timed = fix.has("startSeconds") || fix.has("endSeconds");
        for (Iterator<Map.Entry<String, JsonNode>> it = fix.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> action = it.next();
            String key = action.getKey();
            if (key.equals("track") || TIMING.contains(key)) {
                continue;
            }
            if (timed && !key.equals("gainDb")) {
                throw new AssertionError("a time range only makes sense with a gain: " + fix);
            }
            if (track.equals(Multitrack.MIX)) {
                if (timed) {
                    throw new AssertionError("a timed ride of the master fader is not modelled: " + fix);
                }
                applyToMix(key, action.getValue(), session, fix);
            } else if (session.references.containsKey(track)) {
                throw new AssertionError("a fix on a reference track (someone else's master): " + fix);
            } else {
                applyToPart(key, action.getValue(), session.part(track), session.rateHz, start, end, fix);
                if (key.equals("removeFromSession")) {
                    session.parts.remove(track);
                    return;
                }
            }
        }
    }

    /** Every part's fader (or a VCA over them) moves together; the mix, their sum, moves with them. */
    private static void applyToAllParts(JsonNode fix, Multitrack session) {
        requireTrue(fix.get("allParts"), fix);
        for (Iterator<Map.Entry<String, JsonNode>> it = fix.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> action = it.next();
            String key = action.getKey();
            if (key.equals("track") || key.equals("allParts")) {
                continue;
            }
            if (TIMING.contains(key) || key.equals("removeFromSession")) {
                throw new AssertionError(key + " on every part is not modelled: " + fix);
            }
            for (Track part : new ArrayList<>(session.parts.values())) {
                applyToPart(key, action.getValue(), part, session.rateHz, 0, Double.POSITIVE_INFINITY, fix);
            }
        }
    }

    private static void applyToMix(String key, JsonNode value, Multitrack session, JsonNode fix) {
        switch (key) {
            case "gainDb" -> session.masterDb += number(value, fix);
            case "bypassBusProcessing" -> {
                requireTrue(value, fix);
                session.busLimiterDbfs = Double.NaN;
            }
            case "truePeakLimitDbtp" -> {
                // Several platforms may ask for a limit: one limiter at the lowest of them satisfies them all.
                double limit = number(value, fix);
                session.truePeakLimitDbtp = Double.isNaN(session.truePeakLimitDbtp)
                        ? limit
                        : Math.min(session.truePeakLimitDbtp, limit);
            }
            default -> {
                List<Track> parts = new ArrayList<>(session.parts.values());
                for (Track part : parts) {
                    applyToPart(key, value, part, session.rateHz, 0, Double.POSITIVE_INFINITY, fix);
                }
            }
        }
    }

    private static void applyToPart(String key, JsonNode value, Track part, int rateHz, double start, double end,
            JsonNode fix) {
        float[][] audio = part.audio;
        switch (key) {
            case "gainDb" -> Dsp.gain(audio, number(value, fix), start, end, rateHz);
            case "panPercent" -> Dsp.pan(stereo(part, fix), number(value, fix));
            case "sideHighPassHz" -> Dsp.sideHighPass(stereo(part, fix), number(value, fix), filterType(fix),
                    filterSlope(fix), rateHz);
            case "highPassHz" -> Dsp.highPass(audio, number(value, fix), filterType(fix), filterSlope(fix), rateHz);
            case "filterType", "filterSlopeDbPerOctave" -> {
                if (!fix.has("sideHighPassHz") && !fix.has("highPassHz")) {
                    throw new AssertionError("a filter type or slope without its filter: " + fix);
                }
            }
            case "invertPolarity" -> {
                requireTrue(value, fix);
                for (float[] channel : audio) {
                    Dsp.invert(channel);
                }
            }
            case "delayMs" -> Dsp.delay(audio, number(value, fix), rateHz);
            // after the gain it comes with (actions keep their order): a limiter on the raised part
            case "truePeakLimitDbtp" -> Dsp.limitTruePeak(audio, number(value, fix), rateHz);
            case "widthPercent" -> Dsp.width(stereo(part, fix), number(value, fix));
            case "monoCompatible" -> {
                // The rule's reading: the right channel is the reversed one.
                requireTrue(value, fix);
                Dsp.invert(stereo(part, fix)[1]);
            }
            case "balanceDb" -> Dsp.balance(stereo(part, fix), number(value, fix));
            case "eqBand" -> eq(value.asText(), fix, audio, rateHz);
            case "eqFrequencyHz", "eqGainDb", "eqQ" -> {
                if (!fix.has("eqBand")) {
                    throw new AssertionError("an EQ move without its band: " + fix);
                }
            }
            case "removeFromSession" -> requireTrue(value, fix);
            default -> throw new AssertionError("unknown fix action " + key + " in " + fix);
        }
    }

    /** A bell on the named tonal band at the fix's centre frequency, gain and Q. */
    private static void eq(String band, JsonNode fix, float[][] audio, int rateHz) {
        if (!Set.of("sub", "low", "lowMid", "mid", "highMid", "high", "air").contains(band)) {
            throw new AssertionError("unknown tonal band " + band + " in " + fix);
        }
        if (!fix.has("eqQ")) {
            throw new AssertionError("an EQ move without its Q: " + fix);
        }
        Dsp.bellQ(audio, number(fix.get("eqFrequencyHz"), fix), number(fix.get("eqGainDb"), fix),
                number(fix.get("eqQ"), fix), rateHz);
    }

    /** The filter type a high-pass fix names; one without it cannot be carried out as meant. */
    private static String filterType(JsonNode fix) {
        JsonNode type = fix.get("filterType");
        if (type == null || !type.isTextual()) {
            throw new AssertionError("a high-pass without its filter type: " + fix);
        }
        return type.asText();
    }

    /** The slope a high-pass fix names, dB/octave. */
    private static double filterSlope(JsonNode fix) {
        if (!fix.has("filterSlopeDbPerOctave")) {
            throw new AssertionError("a high-pass without its slope: " + fix);
        }
        return number(fix.get("filterSlopeDbPerOctave"), fix);
    }

    private static float[][] stereo(Track part, JsonNode fix) {
        if (part.audio.length != 2) {
            throw new AssertionError("a stereo action on a mono track: " + fix);
        }
        return part.audio;
    }

    private static double number(JsonNode value, JsonNode fix) {
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new AssertionError("not a finite number in " + fix);
        }
        return value.asDouble();
    }

    private static void requireTrue(JsonNode value, JsonNode fix) {
        if (!value.isBoolean() || !value.asBoolean()) {
            throw new AssertionError("a flag action that is not true in " + fix);
        }
    }
}
