package io.mixbench.rules.standard.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The streaming platforms' documented playback normalisation, read from the bundle's
 * {@code data/streaming-platforms.json} (kept as data, with a verification date and a source per platform, so an
 * update is an edit of the file rather than of code).
 */
final class StreamingPlatforms {

    /** The data file inside the bundle. */
    static final String RESOURCE = "/data/streaming-platforms.json";

    /** Whether a platform turns quiet tracks up. */
    enum TurnsUp {
        /** Only turns loud tracks down. */
        NO("no"),
        /** Also turns quiet tracks up, but only until the true peak reaches the ceiling. */
        PEAK_LIMITED("peak-limited");

        final String id;

        TurnsUp(String id) {
            this.id = id;
        }

        static TurnsUp of(String id) {
            for (TurnsUp value : values()) {
                if (value.id.equals(id)) {
                    return value;
                }
            }
            throw new IllegalStateException(RESOURCE + ": unknown turnsUp \"" + id + "\"");
        }
    }

    /**
     * A setting that raises quiet tracks regardless of their peak and limits instead (Spotify's Loud).
     *
     * @param name the setting's name
     * @param targetLufs its target, LUFS
     * @param limiterThresholdDbfs where its limiter engages, sample peak, dBFS
     */
    record LoudSetting(String name, double targetLufs, double limiterThresholdDbfs) {
    }

    /**
     * One platform.
     *
     * @param id parameter prefix, e.g. {@code "spotify"}
     * @param name display name; findings use it as the measure
     * @param targetLufs integrated loudness it normalises to, LUFS
     * @param ceilingDbtp the highest true peak it wants after its gain, dBTP
     * @param turnsUp whether it turns quiet tracks up
     * @param loudSetting a limiting setting, or null
     * @param behaviour the documented behaviour in words
     * @param source where it is documented
     * @param verifiedOn when the entry was last checked against the source, ISO date
     */
    record Platform(String id, String name, double targetLufs, double ceilingDbtp, TurnsUp turnsUp,
            LoudSetting loudSetting, String behaviour, String source, String verifiedOn) {

        String targetParameter() {
            return id + "Target";
        }

        String ceilingParameter() {
            return id + "Ceiling";
        }

        String loudTargetParameter() {
            return id + "LoudTarget";
        }

        String limiterParameter() {
            return id + "LimiterThreshold";
        }
    }

    /** The platforms of the data file, in its order. */
    static final List<Platform> PLATFORMS = load();

    private StreamingPlatforms() {
    }

    /** The file's verification date. */
    static String verifiedOn() {
        return (String) read().get("verifiedOn");
    }

    @SuppressWarnings("unchecked")
    static List<Platform> load() {
        Map<String, Object> file = read();
        List<Platform> platforms = new ArrayList<>();
        for (Object raw : (List<Object>) file.get("platforms")) {
            Map<String, Object> p = (Map<String, Object>) raw;
            LoudSetting loud = null;
            if (p.get("loudSetting") instanceof Map<?, ?> l) {
                loud = new LoudSetting((String) l.get("name"), number(l.get("targetLufs")),
                        number(l.get("limiterThresholdDbfs")));
            }
            platforms.add(new Platform((String) p.get("id"), (String) p.get("name"), number(p.get("targetLufs")),
                    number(p.get("ceilingDbtp")), TurnsUp.of((String) p.get("turnsUp")), loud,
                    (String) p.get("behaviour"), (String) p.get("source"), (String) p.get("verifiedOn")));
        }
        return List.copyOf(platforms);
    }

    private static Map<String, Object> read() {
        try (InputStream in = StreamingPlatforms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            return JSON.std.mapFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException(RESOURCE + ": expected a number, found " + value);
    }
}
