package io.mixbench.itests.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session being mixed: stereo stems (post-fader, post-pan), the reference tracks, and the mix bus that renders the
 * mix as the stems' sum through the master fader and whatever bus processing is planted. Written as a session file
 * with explicit roles, so no rule depends on guessing roles from names.
 */
final class Multitrack {

    static final String MIX = "Mix";
    /** One 24-bit step: stems are quantised to it, so a mix at 0 dB without bus processing is their exact sum. */
    static final double LSB = 1.0 / 8_388_608;

    /** One track: its session role id, its multi-mic group (or null), and its planar samples. */
    static final class Track {
        final String role;
        final String group;
        float[][] audio;

        Track(String role, String group, float[][] audio) {
            this.role = role;
            this.group = group;
            this.audio = audio;
        }

        Track copy() {
            float[][] a = new float[audio.length][];
            for (int c = 0; c < audio.length; c++) {
                a[c] = audio[c].clone();
            }
            return new Track(role, group, a);
        }
    }

    final int rateHz;
    final String exportKind;
    final Map<String, Track> parts = new LinkedHashMap<>();
    final Map<String, Track> references = new LinkedHashMap<>();
    boolean hasMix = true;
    /** The master fader, dB. */
    double masterDb;
    /** A peak limiter on the mix bus at this ceiling (dBFS), or NaN for none. */
    double busLimiterDbfs = Double.NaN;
    /** A true-peak limiter on the mix bus at this ceiling (dBTP), or NaN for none. */
    double truePeakLimitDbtp = Double.NaN;

    Multitrack(int rateHz, String exportKind) {
        this.rateHz = rateHz;
        this.exportKind = exportKind;
    }

    Multitrack copy() {
        Multitrack m = new Multitrack(rateHz, exportKind);
        parts.forEach((k, v) -> m.parts.put(k, v.copy()));
        references.forEach((k, v) -> m.references.put(k, v.copy()));
        m.hasMix = hasMix;
        m.masterDb = masterDb;
        m.busLimiterDbfs = busLimiterDbfs;
        m.truePeakLimitDbtp = truePeakLimitDbtp;
        return m;
    }

    Track part(String name) {
        Track t = parts.get(name);
        if (t == null) {
            throw new AssertionError("no part " + name + " in " + parts.keySet());
        }
        return t;
    }

    /** The mix bus: the sum of the quantised stems, the master fader, the bus processing, clipped at full scale. */
    float[][] renderMix() {
        int frames = 0;
        for (Track t : parts.values()) {
            frames = Math.max(frames, t.audio[0].length);
        }
        float[][] mix = new float[2][frames];
        for (Track t : parts.values()) {
            quantise(t.audio);
            for (int c = 0; c < 2; c++) {
                float[] src = t.audio[Math.min(c, t.audio.length - 1)];
                // A mono part feeds both channels at the -3 dB pan law, as the null test expects.
                double g = t.audio.length == 1 ? Math.sqrt(0.5) : 1;
                for (int i = 0; i < src.length; i++) {
                    mix[c][i] += (float) (src[i] * g);
                }
            }
        }
        if (masterDb != 0) {
            Dsp.gain(mix, masterDb);
        }
        if (!Double.isNaN(busLimiterDbfs)) {
            Dsp.limit(mix, Dsp.dbToGain(busLimiterDbfs), 0.05, rateHz);
        }
        if (!Double.isNaN(truePeakLimitDbtp)) {
            Dsp.limitTruePeak(mix, truePeakLimitDbtp, rateHz);
        }
        for (float[] channel : mix) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.max(-1f, Math.min((float) (1 - LSB), channel[i]));
            }
        }
        return mix;
    }

    static void quantise(float[][] audio) {
        for (float[] channel : audio) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (Math.round(channel[i] / LSB) * LSB);
            }
        }
    }

    /** Writes every file and {@code session.mixbench} into {@code dir}; returns the session file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode session = new ObjectMapper().createObjectNode();
        session.put("format", "mixbench-session");
        session.put("formatVersion", 1);
        session.put("exportKind", exportKind);
        session.put("panLawDb", -3);
        ArrayNode tracks = session.putArray("tracks");
        for (var e : parts.entrySet()) {
            writeTrack(dir, tracks, e.getKey(), e.getValue().role, e.getValue().group, e.getValue().audio);
        }
        if (hasMix) {
            writeTrack(dir, tracks, MIX, "mix", null, renderMix());
        }
        for (var e : references.entrySet()) {
            writeTrack(dir, tracks, e.getKey(), "reference", null, e.getValue().audio);
        }
        Path file = dir.resolve("session.mixbench");
        Files.writeString(file, session.toPrettyString());
        return file;
    }

    private void writeTrack(Path dir, ArrayNode tracks, String name, String role, String group, float[][] audio)
            throws IOException {
        String file = name + ".wav";
        quantise(audio);
        WavWriter.write(dir.resolve(file), rateHz, WavEncoding.PCM_24, audio);
        ObjectNode t = tracks.addObject();
        t.put("name", name);
        t.put("file", file);
        t.put("role", role);
        if (group != null) {
            t.put("group", group);
        }
    }
}
