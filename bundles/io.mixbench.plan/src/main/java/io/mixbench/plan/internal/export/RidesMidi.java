package io.mixbench.plan.internal.export;

import io.mixbench.plan.GainPoint;
import io.mixbench.plan.VerifiedPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rides as a Standard MIDI File (docs/plan-exports.md): format 1, {@value #TICKS_PER_QUARTER} ticks a quarter
 * note, a conductor track (tempo {@value #TEMPO_BPM} bpm, 4/4), then one track a ridden part on its own channel with
 * CC7 (channel volume) events on the GM2 curve gain_dB = 40 log10(cc / 127), relative to the ride's highest gain.
 * <p>
 * Written by hand rather than with {@code javax.sound.midi}: that package lives in the {@code java.desktop} module,
 * and importing it would make the AWT module a requirement of this bundle (the framework exports the JRE's packages,
 * but a headless or trimmed runtime need not have them); the format takes a page.
 */
public final class RidesMidi {

    /** Ticks a quarter note (the file's division). */
    static final int TICKS_PER_QUARTER = 480;
    /** The tempo, bpm: a session has no tempo yet, and at 120 bpm a beat is half a second. */
    static final int TEMPO_BPM = 120;
    /** MIDI ticks a second at {@link #TEMPO_BPM}. */
    static final double TICKS_PER_SECOND = TICKS_PER_QUARTER * TEMPO_BPM / 60.0;
    /** How often a ramp is sampled, s. */
    static final double STEP_SECONDS = 0.01;
    /** The channels of a file: one ridden part each. */
    static final int CHANNELS = 16;
    /** The controller of channel volume. */
    static final int CC_VOLUME = 7;

    private RidesMidi() {
    }

    /**
     * @throws IOException when the plan rides more parts than a file has channels, or writing fails
     */
    public static void write(VerifiedPlan plan, OutputStream out) throws IOException {
        List<Ride> rides = Ride.of(plan);
        if (rides.size() > CHANNELS) {
            throw new IOException("a MIDI file has " + CHANNELS + " channels, one a ridden part, but the plan rides "
                    + rides.size() + " parts: export the rides as CSV or JSON instead");
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes("MThd".getBytes(StandardCharsets.US_ASCII));
        int32(header, 6);
        int16(header, 1);
        int16(header, 1 + rides.size());
        int16(header, TICKS_PER_QUARTER);
        out.write(header.toByteArray());
        out.write(conductor(JsonOut.sessionName(plan.before().session())).chunk());
        for (int channel = 0; channel < rides.size(); channel++) {
            out.write(lane(rides.get(channel), channel).chunk());
        }
        out.flush();
    }

    /** The first track: in a format 1 file its name is the sequence's, and it holds the tempo map. */
    private static TrackChunk conductor(String sessionName) {
        TrackChunk track = new TrackChunk();
        track.meta(0, 0x03, (sessionName + " rides").getBytes(StandardCharsets.UTF_8));
        // 4/4: numerator 4, denominator 2^2, 24 clocks a click, 8 32nd notes a quarter.
        track.meta(0, 0x58, new byte[]{4, 2, 24, 8});
        int microsPerQuarter = 60_000_000 / TEMPO_BPM;
        track.meta(0, 0x51, new byte[]{(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8),
                (byte) microsPerQuarter});
        track.end(0);
        return track;
    }

    /** The name a ridden part's MIDI track carries, saying how far to move its fader, e.g. "Vox ride (fader +4.5 dB)". */
    static String trackName(Ride ride) {
        return String.format(Locale.ROOT, "%s ride (fader %+.1f dB)", ride.track(),
                Math.round(ride.highestGainDb() * 10) / 10.0 + 0.0);
    }

    /** The CC7 value of a gain {@code relativeDb} below the lane's top (CC 127): GM2's 40 log10(cc / 127). */
    static int cc(double relativeDb) {
        long value = Math.round(127 * Math.pow(10, relativeDb / 40));
        return (int) Math.max(0, Math.min(127, value));
    }

    static long ticks(double seconds) {
        return Math.round(seconds * TICKS_PER_SECOND);
    }

    private static TrackChunk lane(Ride ride, int channel) {
        TrackChunk track = new TrackChunk();
        track.meta(0, 0x03, trackName(ride).getBytes(StandardCharsets.UTF_8));
        double topDb = ride.highestGainDb();
        List<GainPoint> points = ride.points();
        int last = cc(points.get(0).gainDb() - topDb);
        track.controller(0, channel, last);
        for (double seconds : sampleTimes(points)) {
            int value = cc(GainPoint.gainAt(points, seconds) - topDb);
            if (value != last) {
                track.controller(ticks(seconds), channel, value);
                last = value;
            }
        }
        track.end(ticks(points.get(points.size() - 1).seconds()));
        return track;
    }

    /** Every breakpoint, and every {@value #STEP_SECONDS} s inside a ramp (holds keep their value), in order. */
    private static List<Double> sampleTimes(List<GainPoint> points) {
        List<Double> times = new ArrayList<>();
        times.add(points.get(0).seconds());
        for (int i = 1; i < points.size(); i++) {
            GainPoint from = points.get(i - 1);
            GainPoint to = points.get(i);
            if (from.gainDb() != to.gainDb()) {
                long first = (long) Math.floor(from.seconds() / STEP_SECONDS) + 1;
                for (long step = first; step * STEP_SECONDS < to.seconds(); step++) {
                    times.add(step * STEP_SECONDS);
                }
            }
            times.add(to.seconds());
        }
        return times;
    }

    /** One track chunk ("MTrk") being written: events with delta times as variable-length quantities. */
    private static final class TrackChunk {
        private final ByteArrayOutputStream events = new ByteArrayOutputStream();
        private long tick;

        void meta(long atTick, int type, byte[] data) {
            delta(atTick);
            events.write(0xFF);
            events.write(type);
            variableLength(events, data.length);
            events.writeBytes(data);
        }

        void controller(long atTick, int channel, int value) {
            delta(atTick);
            events.write(0xB0 | channel);
            events.write(CC_VOLUME);
            events.write(value);
        }

        void end(long atTick) {
            meta(Math.max(atTick, tick), 0x2F, new byte[0]);
        }

        private void delta(long atTick) {
            // Sample times are sorted, so ticks never go back; a rounding tie gives a delta of 0.
            variableLength(events, Math.max(0, atTick - tick));
            tick = Math.max(tick, atTick);
        }

        byte[] chunk() {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            chunk.writeBytes("MTrk".getBytes(StandardCharsets.US_ASCII));
            int32(chunk, events.size());
            chunk.writeBytes(events.toByteArray());
            return chunk.toByteArray();
        }
    }

    /** A variable-length quantity: 7 bits a byte, most significant first, the high bit set on all but the last. */
    static void variableLength(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > 0x0FFFFFFF) {
            throw new IllegalArgumentException("a MIDI delta time is 0..0x0FFFFFFF ticks, not " + value);
        }
        int shift = 21;
        while (shift > 0 && (value >> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write((int) (0x80 | ((value >> shift) & 0x7F)));
        }
        out.write((int) (value & 0x7F));
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        int16(out, value >>> 16);
        int16(out, value & 0xFFFF);
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
