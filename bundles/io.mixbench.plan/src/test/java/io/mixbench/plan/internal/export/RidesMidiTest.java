package io.mixbench.plan.internal.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.plan.GainPoint;
import io.mixbench.plan.VerifiedPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

class RidesMidiTest {

    /** One event as read back: its absolute tick, its status byte, and its data (a meta event's without its type). */
    record Event(long tick, int status, int type, byte[] data) {
    }

    /** One track chunk as read back. */
    record TrackData(List<Event> events) {
        String name() {
            return events.stream().filter(e -> e.status() == 0xFF && e.type() == 0x03).findFirst()
                    .map(e -> new String(e.data(), StandardCharsets.UTF_8)).orElse(null);
        }

        List<Event> volumes() {
            return events.stream().filter(e -> (e.status() & 0xF0) == 0xB0 && e.type() == 7).toList();
        }

        /** The CC7 value in effect at {@code tick}. */
        int volumeAt(long tick) {
            int value = -1;
            for (Event e : volumes()) {
                if (e.tick() <= tick) {
                    value = e.data()[0];
                }
            }
            return value;
        }
    }

    /** The file's division and tracks, read with a reader of this test's own (no running status: we never write it). */
    record MidiData(int format, int division, List<TrackData> tracks) {
    }

    static byte[] bytes(VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RidesMidi.write(plan, out);
        return out.toByteArray();
    }

    static MidiData read(byte[] file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        assertEquals("MThd", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
        assertEquals(6, in.readInt());
        int format = in.readUnsignedShort();
        int count = in.readUnsignedShort();
        int division = in.readUnsignedShort();
        List<TrackData> tracks = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            assertEquals("MTrk", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
            DataInputStream chunk = new DataInputStream(new ByteArrayInputStream(in.readNBytes(in.readInt())));
            List<Event> events = new ArrayList<>();
            long tick = 0;
            while (chunk.available() > 0) {
                tick += quantity(chunk);
                int status = chunk.readUnsignedByte();
                if (status == 0xFF) {
                    int type = chunk.readUnsignedByte();
                    events.add(new Event(tick, status, type, chunk.readNBytes((int) quantity(chunk))));
                } else {
                    assertEquals(0xB0, status & 0xF0, "only control changes in a lane");
                    events.add(new Event(tick, status, chunk.readUnsignedByte(), chunk.readNBytes(1)));
                }
            }
            Event last = events.get(events.size() - 1);
            assertEquals(0x2F, last.type(), "a track ends with its end-of-track event");
            tracks.add(new TrackData(events));
        }
        assertEquals(0, in.available(), "nothing after the last track");
        return new MidiData(format, division, tracks);
    }

    private static long quantity(DataInputStream in) throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.readUnsignedByte();
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new AssertionError("a variable-length quantity of more than 4 bytes");
    }

    /** The expected CC7 value of a ride gain {@code gainDb} on a lane whose top is {@code topDb}: GM2's curve. */
    private static int expectedCc(double gainDb, double topDb) {
        return (int) Math.round(127 * Math.pow(10, (gainDb - topDb) / 40));
    }

    private static long tick(double seconds) {
        return Math.round(seconds * 960);
    }

    @Test
    void theConductorTrackHoldsTheTempoAndTheTimeSignature() throws IOException {
        MidiData midi = read(bytes(PlanFixtures.rendered()));
        assertEquals(1, midi.format());
        assertEquals(480, midi.division());
        assertEquals(2, midi.tracks().size(), "the conductor and the vocal's lane");
        assertEquals("Song Ä rides", midi.tracks().get(0).name(), "the sequence's name");
        List<Event> conductor = midi.tracks().get(0).events();
        Event tempo = conductor.stream().filter(e -> e.type() == 0x51).findFirst().orElseThrow();
        assertEquals(0, tempo.tick());
        assertEquals(500_000, ((tempo.data()[0] & 0xFF) << 16) | ((tempo.data()[1] & 0xFF) << 8)
                | (tempo.data()[2] & 0xFF), "120 bpm");
        Event meter = conductor.stream().filter(e -> e.type() == 0x58).findFirst().orElseThrow();
        assertArrayEquals(new byte[]{4, 2, 24, 8}, meter.data(), "4/4");
    }

    @Test
    void aLaneIsNamedForItsPartAndTheFaderMoveItNeeds() throws IOException {
        TrackData lane = read(bytes(PlanFixtures.rendered())).tracks().get(1);
        assertEquals("Lead Vox ride (fader +4.5 dB)", lane.name());
        assertTrue(lane.volumes().stream().allMatch(e -> e.status() == 0xB0), "the first ridden part on channel 0");
    }

    @Test
    void ccValuesFollowTheRideOnTheGm2Curve() throws IOException {
        TrackData lane = read(bytes(PlanFixtures.rendered())).tracks().get(1);
        double top = 4.5;
        assertEquals(98, expectedCc(0, top), "the test's own arithmetic: 4.5 dB below the top");
        assertEquals(expectedCc(0, top), lane.volumeAt(0), "before the ride");
        assertEquals(expectedCc(0, top), lane.volumeAt(tick(9.5)), "at the ride's first breakpoint");
        assertEquals(expectedCc(2.25, top), lane.volumeAt(tick(9.75)), "half-way up the ramp");
        assertEquals(127, lane.volumeAt(tick(10)), "the ride's top is CC 127");
        assertEquals(127, lane.volumeAt(tick(12)));
        assertEquals(expectedCc(2.25, top), lane.volumeAt(tick(14.25)), "half-way down");
        assertEquals(expectedCc(0, top), lane.volumeAt(tick(14.5)));
        assertEquals(expectedCc(0, top), lane.volumeAt(tick(30)), "after the ride");
    }

    @Test
    void eventsAreMonotonicChangesOnlyAndAtMostTenMillisecondsApartAlongARamp() throws IOException {
        TrackData lane = read(bytes(PlanFixtures.rendered())).tracks().get(1);
        List<Event> volumes = lane.volumes();
        assertTrue(volumes.size() > 10, "a ramp of 4.5 dB over 0.5 s moves the value many times: " + volumes.size());
        for (int i = 1; i < volumes.size(); i++) {
            Event before = volumes.get(i - 1);
            Event event = volumes.get(i);
            assertTrue(event.tick() > before.tick(), "ticks rise: " + before.tick() + ", " + event.tick());
            assertTrue(event.data()[0] != before.data()[0], "an event only where the value changes");
            boolean onRamp = event.tick() > tick(9.5) && event.tick() <= tick(10)
                    || event.tick() > tick(14) && event.tick() <= tick(14.5);
            assertTrue(onRamp, "changes only on the ramps, not at " + event.tick());
            long step = Math.round(event.tick() / (960 * 0.01));
            assertEquals(tick(step / 100.0), event.tick(), "on the 10 ms grid");
        }
        for (int step = 940; step <= 1460; step++) {
            double seconds = step / 100.0;
            assertEquals(expectedCc(GainPoint.gainAt(PlanFixtures.VOCAL_RIDE, seconds), 4.5),
                    lane.volumeAt(tick(seconds)), "the value in effect at " + seconds + " s");
        }
        List<Event> all = lane.events();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).tick() >= all.get(i - 1).tick());
        }
    }

    @Test
    void eachRiddenPartHasItsOwnChannelAndAStandardReaderReadsTheFile()
            throws IOException, InvalidMidiDataException {
        byte[] file = bytes(PlanFixtures.ridingParts(16));
        MidiData midi = read(file);
        assertEquals(17, midi.tracks().size());
        for (int part = 1; part <= 16; part++) {
            TrackData lane = midi.tracks().get(part);
            assertEquals("Part " + part + " ride (fader +3.0 dB)", lane.name());
            int channel = part - 1;
            assertTrue(lane.volumes().stream().allMatch(e -> (e.status() & 0x0F) == channel));
        }

        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(file));
        assertEquals(Sequence.PPQ, sequence.getDivisionType());
        assertEquals(480, sequence.getResolution());
        assertEquals(17, sequence.getTracks().length);
        Track last = sequence.getTracks()[16];
        int lastValue = -1;
        for (int i = 0; i < last.size(); i++) {
            MidiEvent event = last.get(i);
            if (event.getMessage() instanceof ShortMessage cc) {
                assertEquals(ShortMessage.CONTROL_CHANGE, cc.getCommand());
                assertEquals(15, cc.getChannel());
                assertEquals(7, cc.getData1());
                lastValue = cc.getData2();
            } else if (event.getMessage() instanceof MetaMessage meta && meta.getType() == 0x03) {
                assertEquals("Part 16 ride (fader +3.0 dB)", new String(meta.getData(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(127, lastValue, "the ride ends at its top");
        // 2 s at 120 bpm and 480 ticks a quarter note.
        assertEquals(1920, sequence.getTickLength());
    }

    @Test
    void moreRiddenPartsThanChannelsIsAnError() {
        IOException e = assertThrows(IOException.class, () -> bytes(PlanFixtures.ridingParts(17)));
        assertTrue(e.getMessage().contains("17 parts"), e.getMessage());
    }

    @Test
    void aPlanWithoutRidesIsTheConductorTrackAlone() throws IOException, InvalidMidiDataException {
        byte[] file = bytes(PlanFixtures.empty());
        assertEquals(1, read(file).tracks().size());
        assertEquals(1, MidiSystem.getSequence(new ByteArrayInputStream(file)).getTracks().length);
    }

    @Test
    void aRideThatOnlyDipsLowersTheFaderAndTopsOutWhereItHolds() throws IOException {
        VerifiedPlan plan = PlanFixtures.ridingParts(1);
        assertEquals(3.0, Ride.of(plan).get(0).highestGainDb());
        Ride dip = new Ride("Keys", java.util.OptionalInt.of(48000), 0,
                List.of(new GainPoint(0, -2), new GainPoint(1, -8), new GainPoint(2, -2)));
        assertEquals("Keys ride (fader -2.0 dB)", RidesMidi.trackName(dip));
        assertEquals(127, RidesMidi.cc(0));
        assertEquals(expectedCc(-8, -2), RidesMidi.cc(-6));
    }

    @Test
    void variableLengthQuantitiesAreTheStandardsExamples() {
        long[] values = {0, 0x40, 0x7F, 0x80, 0x2000, 0x3FFF, 0x4000, 0x100000, 0x1FFFFF, 0x200000, 0x0FFFFFFF};
        String[] encoded = {"00", "40", "7f", "8100", "c000", "ff7f", "818000", "c08000", "ffff7f", "81808000",
                "ffffff7f"};
        for (int i = 0; i < values.length; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RidesMidi.variableLength(out, values[i]);
            assertEquals(encoded[i], java.util.HexFormat.of().formatHex(out.toByteArray()),
                    Long.toHexString(values[i]));
        }
        assertThrows(IllegalArgumentException.class, () -> RidesMidi.variableLength(new ByteArrayOutputStream(), -1));
    }
}
