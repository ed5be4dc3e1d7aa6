package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Renders General MIDI parts to stereo audio with Debian's fluidsynth and its small TimGM6mb soundfont. */
public final class FluidSynth {

    static final Path SOUNDFONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");

    private final Path executable;

    private FluidSynth(Path executable) {
        this.executable = executable;
    }

    /** The installed synthesizer, or null when fluidsynth is not on the PATH or the soundfont is missing. */
    static FluidSynth installed() {
        if (!Files.isRegularFile(SOUNDFONT)) {
            return null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "fluidsynth");
            if (Files.isExecutable(candidate)) {
                return new FluidSynth(candidate);
            }
        }
        return null;
    }

    /**
     * Writes {@code part} as a standard MIDI file and renders it at {@code rateHz} to a 24-bit WAV file.
     *
     * @param gain fluidsynth's master gain (linear, its default is 0.2)
     */
    void render(Sequence part, double gain, int rateHz, Path midi, Path wav) throws Exception {
        MidiSystem.write(part, 0, midi.toFile());
        List<String> command = List.of(executable.toString(), "-ni", "-q", "-g", Double.toString(gain), "-O", "s24",
                "-F", wav.toString(), "-r", Integer.toString(rateHz), SOUNDFONT.toString(), midi.toString());
        Path log = Files.createTempFile("fluidsynth", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + Files.readString(log));
            assertTrue(Files.isRegularFile(wav), "fluidsynth wrote no " + wav + ": " + Files.readString(log));
        } finally {
            Files.delete(log);
        }
    }

    /** Reads a 16- or 24-bit PCM WAV file as planar float channels (full scale = 1.0). */
    public static float[][] read(Path file, int expectedRateHz) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            int bytes = format.getSampleSizeInBits() / 8;
            int channels = format.getChannels();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding(), file.toString());
            assertTrue(!format.isBigEndian() && (bytes == 2 || bytes == 3), file + ": " + format);
            assertEquals(expectedRateHz, Math.round(format.getSampleRate()), file + ": " + format);
            byte[] data = in.readAllBytes();
            int frames = data.length / (bytes * channels);
            float[][] out = new float[channels][frames];
            double scale = 1.0 / (1L << (8 * bytes - 1));
            for (int i = 0, p = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++, p += bytes) {
                    int v = 0;
                    for (int b = 0; b < bytes; b++) {
                        v |= (data[p + b] & 0xff) << (8 * b);
                    }
                    v = v << (32 - 8 * bytes) >> (32 - 8 * bytes);
                    out[c][i] = (float) (v * scale);
                }
            }
            return out;
        }
    }
}
