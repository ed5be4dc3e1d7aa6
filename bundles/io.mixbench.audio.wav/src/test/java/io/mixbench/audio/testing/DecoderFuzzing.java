package io.mixbench.audio.testing;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Fuzzes any {@link AudioDecoder}: an input must decode to finite samples in well-formed blocks, or fail with an
 * {@link AudioDecodeException} whose message starts with the file's name. Anything else (another exception, an
 * error, a hang past the per-input limit, a non-finite sample, a bad block count) is a crash. One line per decoder:
 *
 * <pre>
 * DecoderFuzzing.fuzz(new AiffDecoder(), "take.aif", seeds, Path.of("src/test/resources/fuzz-regressions/aiff"));
 * </pre>
 */
public final class DecoderFuzzing {

    /** Default fuzzing time per decoder, s; {@code -Dmixbench.fuzzSeconds=N} changes it. */
    public static final int DEFAULT_SECONDS = 20;
    /** Decoding stops after this many frames: a valid header may declare hours of samples. */
    private static final long MAX_FRAMES = 1 << 22;

    private DecoderFuzzing() {
    }

    /**
     * Replays the regression inputs kept in {@code regressions} (every file there), then fuzzes from the seeds and
     * the regression inputs for {@link MutationFuzzer#budget}.
     *
     * @param fileName the name the decoder is told, e.g. "take.aif"
     * @param regressions a folder of earlier crashing inputs (may be missing)
     */
    public static MutationFuzzer.Result fuzz(AudioDecoder decoder, String fileName, List<byte[]> seeds,
            Path regressions) throws IOException, InterruptedException {
        MutationFuzzer fuzzer = new MutationFuzzer(decoder.formatName().replaceAll("\\W+", "-"),
                input -> decodeAll(decoder, fileName, input), Duration.ofSeconds(10),
                Path.of("target", "fuzz-crashes"));
        List<byte[]> all = new ArrayList<>(seeds);
        all.addAll(regressionInputs(regressions));
        return fuzzer.run(all, MutationFuzzer.budget(DEFAULT_SECONDS), 0x5EED_0000L + fileName.hashCode());
    }

    /**
     * Damages container headers the way broken files are damaged, a fixed number of cases from a fixed seed: a byte
     * near the start set at random, a size or count field set to an extreme value (0, 1, 3, 2^31 - 1, 2^32 - 16,
     * 2^32 - 1), the file cut short, or bits flipped. Every case must keep {@link #decodeAll}'s promises, and both
     * outcomes (decoded, rejected) must occur, or the damage tested nothing.
     *
     * @param sizeOrder the byte order of the container's size fields
     * @param fieldAlign size fields start at multiples of this many bytes
     * @return how many cases decoded and how many were rejected
     */
    public static int[] damageHeaders(AudioDecoder decoder, String fileName, List<byte[]> seeds, ByteOrder sizeOrder,
            int fieldAlign) throws IOException {
        Random random = new Random(20261126);
        int[] outcomes = new int[2];
        for (int i = 0; i < 6000; i++) {
            byte[] file = damage(seeds.get(i % seeds.size()).clone(), random, sizeOrder, fieldAlign);
            String outcome;
            try {
                outcome = decodeAll(decoder, fileName, file);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " threw " + e, e);
            }
            outcomes[outcome.startsWith("ok ") ? 0 : 1]++;
        }
        if (outcomes[0] <= 100 || outcomes[1] <= 100) {
            throw new AssertionError("both outcomes must occur: " + outcomes[0] + " decoded, " + outcomes[1]
                    + " rejected");
        }
        return outcomes;
    }

    private static byte[] damage(byte[] file, Random random, ByteOrder sizeOrder, int fieldAlign) {
        switch (random.nextInt(4)) {
            case 0 -> file[random.nextInt(Math.min(file.length, 120))] = (byte) random.nextInt(256);
            case 1 -> {
                int at = fieldAlign * random.nextInt(Math.min(file.length, 120) / fieldAlign);
                long value = new long[]{0, 1, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFF0L, 3}[random.nextInt(6)];
                for (int k = 0; k < 4 && at + k < file.length; k++) {
                    int shift = sizeOrder == ByteOrder.BIG_ENDIAN ? 24 - 8 * k : 8 * k;
                    file[at + k] = (byte) (value >> shift);
                }
            }
            case 2 -> {
                return Arrays.copyOf(file, random.nextInt(file.length));
            }
            default -> {
                for (int k = 0; k < 3; k++) {
                    file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return file;
    }

    /** The files of a regression folder (not hidden ones), sorted by name; empty when it does not exist. */
    public static List<byte[]> regressionInputs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .map(p -> {
                        try {
                            return Files.readAllBytes(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    /**
     * Decodes one input in blocks of varying size, checking what the decoder promises.
     *
     * @return the outcome: "ok" with the format, or the error message with digits removed
     * @throws AssertionError or another exception when the decoder breaks a promise
     */
    public static String decodeAll(AudioDecoder decoder, String fileName, byte[] input) throws IOException {
        try (AudioStream stream = decoder.open(new ByteArrayInputStream(input), fileName)) {
            AudioFormat format = stream.format();
            int channels = format.channels();
            Map<String, String> metadata = stream.metadata();
            if (metadata == null || channels < 1 || format.sampleRateHz() < 1) {
                throw new AssertionError("bad format or metadata: " + format + " " + metadata);
            }
            int blockFrames = 1 + (input.length % 997);
            float[][] block = new float[channels][blockFrames];
            long frames = 0;
            int n;
            while (frames < MAX_FRAMES && (n = stream.read(block, blockFrames)) != -1) {
                if (n < 1 || n > blockFrames) {
                    throw new AssertionError("read returned " + n + " for a block of " + blockFrames);
                }
                for (int c = 0; c < channels; c++) {
                    float[] samples = block[c];
                    for (int i = 0; i < n; i++) {
                        if (!Float.isFinite(samples[i])) {
                            throw new AssertionError("non-finite sample " + samples[i] + " delivered as valid");
                        }
                    }
                }
                frames += n;
            }
            if (format.frames() >= 0 && frames < MAX_FRAMES && frames != format.frames()) {
                throw new AssertionError("delivered " + frames + " frames, the header declares " + format.frames());
            }
            return "ok " + format.formatName().replaceAll("\\d+", "#") + " x" + channels;
        } catch (AudioDecodeException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith(fileName + ": ")) {
                throw new AssertionError("the message does not start with the file's name: " + e.getMessage(), e);
            }
            return e.getClass().getSimpleName() + " " + e.getMessage().replaceAll("\\d+", "#");
        }
    }
}
