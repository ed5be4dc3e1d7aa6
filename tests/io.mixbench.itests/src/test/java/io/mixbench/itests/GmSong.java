package io.mixbench.itests;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A short General MIDI song in A minor (8 bars at 100 BPM, Am F C G Am F G Am), written as one single-part sequence
 * per stem so that each instrument renders on its own, as a DAW exports stems. Drums play on channel 10 and are split
 * into kick, snare and hats parts by note number.
 */
final class GmSong {

    static final int PPQ = 480;
    static final double TEMPO_BPM = 100;
    static final int BARS = 8;
    /** Silence after the last bar, so that releases and reverb tails end inside the file. */
    static final int TAIL_BEATS = 2;

    private static final int DRUMS = 9;
    private static final int KICK = 36;
    private static final int SNARE = 38;
    private static final int CLOSED_HAT = 42;
    private static final int OPEN_HAT = 46;

    /** Chord tones per bar, MIDI note numbers around middle C. */
    private static final int[][] CHORDS = {{57, 60, 64}, {53, 57, 60}, {55, 60, 64}, {55, 59, 62},
            {57, 60, 64}, {53, 57, 60}, {55, 59, 62}, {57, 60, 64}};
    /** Bass root per bar (A1, F1, C2, G1, ...). */
    private static final int[] ROOTS = {33, 29, 36, 31, 33, 29, 31, 33};

    /** The lead line, four two-bar phrases with a breath between them: start beat, length in beats, note. */
    private static final double[][] MELODY = {
            {0, 1, 76}, {1, 0.5, 74}, {1.5, 0.5, 72}, {2, 1, 74}, {3, 1.5, 76}, {4.5, 0.5, 72},
            {5, 1.5, 69},
            {8, 1, 67}, {9, 1, 72}, {10, 1, 76}, {11, 1, 79}, {12, 0.5, 76}, {12.5, 1, 74},
            {13.5, 1.5, 71},
            {16, 1.5, 81}, {17.5, 0.5, 79}, {18, 1, 76}, {19, 1, 74}, {20, 1, 72}, {21, 0.5, 74},
            {21.5, 1.5, 76},
            {24, 1, 74}, {25, 1, 72}, {26, 1, 71}, {27, 1, 74}, {28, 1, 72}, {29, 0.5, 71},
            {29.5, 2.5, 69}};

    private GmSong() {
    }

    /** Length of every part including the tail, s. */
    static double lengthSeconds() {
        return (BARS * 4 + TAIL_BEATS) * 60 / TEMPO_BPM;
    }

    /** The stems, by the file name a DAW export would give them (without ".wav"), in mixing order. */
    static Map<String, Sequence> stems() throws InvalidMidiDataException {
        Map<String, Sequence> stems = new LinkedHashMap<>();
        stems.put("Kick", kick());
        stems.put("Snare", snare());
        stems.put("Hats", hats());
        stems.put("Bass", bass());
        stems.put("Keys", keys());
        stems.put("Lead Vox", lead());
        stems.put("Strings", strings());
        return stems;
    }

    private static Sequence kick() throws InvalidMidiDataException {
        Part p = new Part(DRUMS, -1, 64, 0);
        for (int bar = 0; bar < BARS; bar++) {
            double b = bar * 4;
            p.note(b, 0.25, KICK, 112);
            p.note(b + 2, 0.25, KICK, 104);
            if (bar % 2 == 1) {
                p.note(b + 2.5, 0.25, KICK, 96);
            }
        }
        return p.sequence;
    }

    private static Sequence snare() throws InvalidMidiDataException {
        Part p = new Part(DRUMS, -1, 64, 30);
        for (int bar = 0; bar < BARS; bar++) {
            double b = bar * 4;
            p.note(b + 1, 0.25, SNARE, 106);
            if (bar == BARS - 1) {
                // A short fill into the end, softer than the backbeat as a drummer plays it.
                p.note(b + 3, 0.25, SNARE, 80);
                p.note(b + 3.25, 0.25, SNARE, 86);
                p.note(b + 3.5, 0.25, SNARE, 92);
                p.note(b + 3.75, 0.25, SNARE, 100);
            } else {
                p.note(b + 3, 0.25, SNARE, 108);
            }
        }
        return p.sequence;
    }

    private static Sequence hats() throws InvalidMidiDataException {
        Part p = new Part(DRUMS, -1, 80, 30);
        for (int bar = 0; bar < BARS; bar++) {
            for (int eighth = 0; eighth < 8; eighth++) {
                double beat = bar * 4 + eighth * 0.5;
                boolean open = eighth == 7 && bar % 4 == 3;
                p.note(beat, 0.25, open ? OPEN_HAT : CLOSED_HAT, eighth % 2 == 0 ? 88 : 64);
            }
        }
        return p.sequence;
    }

    private static Sequence bass() throws InvalidMidiDataException {
        // Electric bass (finger), dry and centred: the low end stays mono.
        Part p = new Part(1, 33, 64, 0);
        for (int bar = 0; bar < BARS; bar++) {
            int root = ROOTS[bar];
            for (int eighth = 0; eighth < 8; eighth++) {
                if (eighth == 2) {
                    continue;
                }
                int note = eighth == 7 ? root + 7 : root;
                p.note(bar * 4 + eighth * 0.5, 0.45, note, eighth % 2 == 0 ? 100 : 84);
            }
        }
        return p.sequence;
    }

    private static Sequence keys() throws InvalidMidiDataException {
        // Acoustic grand piano comping a little left of centre.
        Part p = new Part(2, 0, 48, 40);
        double[][] rhythm = {{0, 1.5, 82}, {1.5, 0.5, 70}, {2, 1, 78}, {3.5, 0.5, 70}};
        for (int bar = 0; bar < BARS; bar++) {
            for (double[] hit : rhythm) {
                for (int note : CHORDS[bar]) {
                    p.note(bar * 4 + hit[0], hit[1], note, (int) hit[2]);
                }
            }
        }
        return p.sequence;
    }

    private static Sequence lead() throws InvalidMidiDataException {
        // Voice oohs in place of the lead vocal, centred with a little room. (TimGM6mb's alto sax sample carries a
        // DC offset of about 1 % that the health rule would rightly flag.)
        Part p = new Part(3, 53, 64, 40);
        for (double[] n : MELODY) {
            p.note(n[0], n[1] - 0.05, (int) n[2], 96);
        }
        return p.sequence;
    }

    private static Sequence strings() throws InvalidMidiDataException {
        // String ensemble 2 holding the chords, a little right of centre. (TimGM6mb's String Ensemble 1 has its
        // channels nearly out of polarity, which the mono and low-end rules rightly flag.)
        Part p = new Part(4, 49, 84, 60);
        for (int bar = 0; bar < BARS; bar++) {
            for (int note : CHORDS[bar]) {
                p.note(bar * 4, 4, note, 72);
            }
        }
        return p.sequence;
    }

    /** One instrument on one channel in a type-0 sequence that ends after the tail. */
    private static final class Part {

        final Sequence sequence;
        final Track track;
        final int channel;

        Part(int channel, int program, int pan, int reverb) throws InvalidMidiDataException {
            this.sequence = new Sequence(Sequence.PPQ, PPQ);
            this.track = sequence.createTrack();
            this.channel = channel;
            int microsPerBeat = (int) Math.round(60_000_000 / TEMPO_BPM);
            byte[] tempo = {(byte) (microsPerBeat >> 16), (byte) (microsPerBeat >> 8), (byte) microsPerBeat};
            track.add(new MidiEvent(new MetaMessage(0x51, tempo, 3), 0));
            if (program >= 0) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
            }
            control(7, 100);
            control(10, pan);
            control(91, reverb);
            control(93, 0);
            // Every part ends at the same tick, so every stem has the same length.
            track.add(new MidiEvent(new MetaMessage(0x2F, new byte[0], 0), tick(BARS * 4 + TAIL_BEATS)));
        }

        private void control(int controller, int value) throws InvalidMidiDataException {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, controller, value), 0));
        }

        void note(double startBeat, double lengthBeats, int note, int velocity) throws InvalidMidiDataException {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, note, velocity),
                    tick(startBeat)));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, note, 0),
                    tick(startBeat + lengthBeats)));
        }

        private static long tick(double beat) {
            return Math.round(beat * PPQ);
        }
    }
}
