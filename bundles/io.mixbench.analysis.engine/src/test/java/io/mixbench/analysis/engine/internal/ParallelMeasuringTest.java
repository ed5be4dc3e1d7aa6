package io.mixbench.analysis.engine.internal;

import static io.mixbench.analysis.engine.internal.AnalysisEngineTest.reference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.spectrum.internal.SpectrumMeterFactory;
import io.mixbench.meter.standard.internal.LevelsMeterFactory;
import io.mixbench.meter.standard.internal.StereoMeterFactory;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file measured on several threads (the meters split between the decoding thread and helpers) gives the
 * one-thread path's results to the bit, and the same meter failures, decoder failures and cancels.
 */
class ParallelMeasuringTest {

    static final int RATE = 48_000;

    @TempDir
    Path dir;
    final ExecutorService helpers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        helpers.shutdownNow();
    }

    /** Splits of every kind: round-robin, by uneven costs, more lanes than meters. */
    List<TrackMeasurer.Lanes> multiThreaded(int meters) {
        double[] costs = new double[meters];
        for (int m = 0; m < meters; m++) {
            costs[m] = (m * 37) % 11 + 1;
        }
        return List.of(new TrackMeasurer.Lanes(helpers, 2, null), new TrackMeasurer.Lanes(helpers, 3, null),
                new TrackMeasurer.Lanes(helpers, 2, costs), new TrackMeasurer.Lanes(helpers, 8, null));
    }

    static List<ServiceEntry<MeterFactory>> productMeters() {
        return List.of(entry(new SpectrumMeterFactory()), entry(new LevelsMeterFactory()),
                entry(new StereoMeterFactory()));
    }

    static <S> ServiceEntry<S> entry(S service) {
        return ServiceEntry.of(service, reference());
    }

    /**
     * Decodes "SYNTH channels frames seed [failAtFrame]" files as music-like audio: decaying sine notes, noise
     * bursts, a bass line, a second of digital silence; reads of uneven length, as some decoders give.
     */
    static final class SynthDecoder implements AudioDecoder {
        @Override
        public String formatName() {
            return "SYNTH";
        }

        @Override
        public boolean accepts(byte[] header, String fileName) {
            return new String(header, StandardCharsets.US_ASCII).startsWith("SYNTH");
        }

        @Override
        public AudioStream open(InputStream in, String sourceName) throws IOException {
            String[] words = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            in.close();
            int channels = Integer.parseInt(words[1]);
            long frames = Long.parseLong(words[2]);
            long seed = Long.parseLong(words[3]);
            long failAt = words.length > 4 ? Long.parseLong(words[4]) : Long.MAX_VALUE;
            AudioFormat format = new AudioFormat(RATE, ChannelLayout.defaultFor(channels), 24,
                    SampleEncoding.PCM_INTEGER, frames, "SYNTH");
            Random random = new Random(seed);
            return new AudioStream() {
                long position;
                int read;

                @Override
                public AudioFormat format() {
                    return format;
                }

                @Override
                public int read(float[][] block, int maxFrames) throws IOException {
                    if (position >= failAt) {
                        throw new AudioDecodeException(sourceName, "damaged frame at " + position);
                    }
                    if (position >= frames) {
                        return -1;
                    }
                    // Every third read is short, so blocks of the ring carry different lengths.
                    int want = ++read % 3 == 0 ? maxFrames - 1000 - random.nextInt(1000) : maxFrames;
                    int n = (int) Math.min(want, Math.min(frames, failAt) - position);
                    for (int i = 0; i < n; i++) {
                        long t = position + i;
                        double s = t / (double) RATE;
                        boolean silent = s >= 3 && s < 4;
                        double beat = s * 2 % 1;
                        double note = Math.sin(2 * Math.PI * (220 + 110 * ((t / 12_000) % 4)) * s)
                                * Math.exp(-4 * beat);
                        double bass = 0.4 * Math.sin(2 * Math.PI * 55 * s);
                        double noise = beat < 0.05 ? random.nextGaussian() * 0.3 : random.nextGaussian() * 0.01;
                        for (int c = 0; c < block.length; c++) {
                            double pan = 0.5 + 0.4 * Math.sin(0.3 * s + c);
                            block[c][i] = silent ? 0f : (float) (0.5 * (pan * note + bass + noise * (c + 1) / 3));
                        }
                    }
                    position += n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    Track synth(int channels, long frames, long seed) throws IOException {
        return synth(channels, frames, seed, -1);
    }

    Track synth(int channels, long frames, long seed, long failAt) throws IOException {
        Path file = dir.resolve("synth-" + channels + "-" + frames + "-" + seed + ".synth");
        Files.writeString(file, "SYNTH " + channels + " " + frames + " " + seed + (failAt < 0 ? "" : " " + failAt));
        return new Track(file.getFileName().toString(), file, Role.OTHER, null);
    }

    TrackMeasurer.Outcome measure(Track track, List<ServiceEntry<MeterFactory>> meters, TrackMeasurer.Lanes lanes) {
        return TrackMeasurer.measure(track, List.of(new SynthDecoder()), meters, () -> false, f -> {
        }, lanes);
    }

    @Test
    void everyMeasurementOnSeveralThreadsEqualsTheOneThreadPathToTheBit() throws Exception {
        long blocks = TrackMeasurer.BLOCK_FRAMES;
        List<Track> tracks = List.of(synth(2, RATE * 7L + 123, 1), synth(1, RATE * 5L + 77, 2),
                synth(6, RATE * 5L + 5, 3), synth(2, 5_000, 4), synth(2, blocks * 40, 5), synth(1, 1, 6));
        for (Track track : tracks) {
            TrackMeasurer.Outcome one = measure(track, productMeters(), TrackMeasurer.Lanes.ONE);
            assertTrue(one.track().measured(), track.name());
            assertTrue(one.meterFailures().isEmpty(), one.meterFailures().toString());
            assertTrue(one.track().measurements().size() > 20, "every product meter measured");
            for (TrackMeasurer.Lanes lanes : multiThreaded(3)) {
                TrackMeasurer.Outcome many = measure(track, productMeters(), lanes);
                assertSameOutcome(one, many, track.name() + " on " + lanes.lanes() + " lanes");
            }
        }
    }

    static void assertSameOutcome(TrackMeasurer.Outcome one, TrackMeasurer.Outcome many, String what) {
        assertEquals(one.meterFailures(), many.meterFailures(), what);
        assertEquals(one.track().error(), many.track().error(), what);
        assertEquals(one.track().format(), many.track().format(), what);
        assertEquals(Double.doubleToRawLongBits(one.track().durationSeconds()),
                Double.doubleToRawLongBits(many.track().durationSeconds()), what);
        assertEquals(List.copyOf(one.track().measurements().keySet()),
                List.copyOf(many.track().measurements().keySet()), what + ": the same ids in the same order");
        for (Map.Entry<String, Measurement> e : one.track().measurements().entrySet()) {
            assertBitEqual(e.getValue(), many.track().measurements().get(e.getKey()), what + ": " + e.getKey());
        }
    }

    /** Records component by component, doubles and floats by their raw bits, arrays element by element. */
    static void assertBitEqual(Object expected, Object actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), where);
        Class<?> type = expected.getClass();
        if (expected instanceof Double d) {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) actual), where);
        } else if (expected instanceof Float f) {
            assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits((Float) actual), where);
        } else if (type.isArray()) {
            assertEquals(Array.getLength(expected), Array.getLength(actual), where);
            for (int i = 0; i < Array.getLength(expected); i++) {
                assertBitEqual(Array.get(expected, i), Array.get(actual, i), where + "[" + i + "]");
            }
        } else if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    assertBitEqual(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual),
                            where + "." + c.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(where, e);
                }
            }
        } else if (expected instanceof List<?> l) {
            List<?> other = (List<?>) actual;
            assertEquals(l.size(), other.size(), where);
            for (int i = 0; i < l.size(); i++) {
                assertBitEqual(l.get(i), other.get(i), where + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    @Test
    void theComparisonSeesADifferentLastBit() {
        double[] a = {1.0, -0.0};
        double[] b = {Math.nextUp(1.0), -0.0};
        assertThrows(AssertionError.class, () -> assertBitEqual(new io.mixbench.meter.Spectrum(a, a, "dB"),
                new io.mixbench.meter.Spectrum(a, b, "dB"), "x"));
        assertThrows(AssertionError.class, () -> assertBitEqual(new io.mixbench.meter.Spectrum(a, new double[]{
                1.0, 0.0}, "dB"), new io.mixbench.meter.Spectrum(a, a, "dB"), "x"));
        assertBitEqual(new io.mixbench.meter.Spectrum(a, a.clone(), "dB"), new io.mixbench.meter.Spectrum(a, a,
                "dB"), "x");
    }

    static MeterFactory factory(String id, Function<AudioFormat, Meter> create) {
        return new MeterFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String algorithmVersion() {
                return "1";
            }

            @Override
            public Set<String> measurementIds() {
                return Set.of(id);
            }

            @Override
            public Meter create(AudioFormat format) {
                return create.apply(format);
            }
        };
    }

    /** A meter told each block's frames, and what it returns at the end. */
    static Meter meter(IntConsumer process, Supplier<Map<String, Measurement>> finish) {
        return new Meter() {
            @Override
            public void process(float[][] block, int frames) {
                process.accept(frames);
            }

            @Override
            public Map<String, Measurement> finish() {
                return finish.get();
            }
        };
    }

    /** Fails at a given block (process), at finish, or returns null from finish; counts frames otherwise. */
    static MeterFactory failing(String id, int failAtBlock, boolean failAtFinish, boolean nullAtFinish) {
        return factory(id, format -> {
            int[] blocks = {0};
            long[] frames = {0};
            return meter(n -> {
                if (blocks[0]++ == failAtBlock) {
                    throw new IllegalStateException(id + " broke at block " + (blocks[0] - 1));
                }
                frames[0] += n;
            }, () -> {
                if (failAtFinish) {
                    throw new IllegalStateException(id + " broke at finish");
                }
                return nullAtFinish ? null : Map.of(id, io.mixbench.meter.Scalar.of(frames[0], "frames"));
            });
        });
    }

    static MeterFactory refusing(String id) {
        return factory(id, format -> {
            throw new IllegalArgumentException("no " + format.channels() + " channels");
        });
    }

    List<ServiceEntry<MeterFactory>> failingMeters() {
        List<ServiceEntry<MeterFactory>> meters = new ArrayList<>(productMeters());
        meters.add(entry(failing("late", 9, false, false)));
        meters.add(entry(refusing("refuses")));
        meters.add(entry(failing("early", 2, false, false)));
        meters.add(entry(failing("finish", -1, true, false)));
        meters.add(entry(failing("empty", -1, false, true)));
        meters.add(entry(failing("good", -1, false, false)));
        meters.add(entry(failing("sameBlock", 9, false, false)));
        return meters;
    }

    @Test
    void failingMetersAreDroppedInTheSameOrderAndTheRestStands() throws Exception {
        Track track = synth(2, RATE * 4L + 321, 7);
        TrackMeasurer.Outcome one = measure(track, failingMeters(), TrackMeasurer.Lanes.ONE);
        assertEquals(List.of("refuses", "early", "late", "sameBlock", "finish", "empty"),
                one.meterFailures().stream().map(TrackMeasurer.MeterFailure::meterId).toList());
        assertEquals(RATE * 4L + 321, one.track().scalar("good").getAsDouble());
        assertTrue(one.track().scalar("integratedLoudness").isPresent());
        for (TrackMeasurer.Lanes lanes : multiThreaded(failingMeters().size())) {
            assertSameOutcome(one, measure(track, failingMeters(), lanes), lanes.lanes() + " lanes");
        }
    }

    @Test
    void aDecoderThatFailsMidFileFailsTheTrackAsOnOneThread() throws Exception {
        Track track = synth(2, RATE * 10L, 8, TrackMeasurer.BLOCK_FRAMES * 12L + 500);
        TrackMeasurer.Outcome one = measure(track, failingMeters(), TrackMeasurer.Lanes.ONE);
        assertFalse(one.track().measured());
        assertTrue(one.track().error().contains("damaged frame at"), one.track().error());
        assertTrue(one.track().measurements().isEmpty());
        assertEquals(List.of("refuses", "early", "late", "sameBlock"),
                one.meterFailures().stream().map(TrackMeasurer.MeterFailure::meterId).toList(),
                "the meters that failed before the damage; none is finished");
        for (TrackMeasurer.Lanes lanes : multiThreaded(failingMeters().size())) {
            assertSameOutcome(one, measure(track, failingMeters(), lanes), lanes.lanes() + " lanes");
        }
    }

    @Test
    @Timeout(60) // guards a hang only
    void aCancelStopsEveryLaneAndLeavesNoThreadBusy() throws Exception {
        Track track = synth(2, RATE * 3600L, 9);
        AtomicInteger blocks = new AtomicInteger();
        List<ServiceEntry<MeterFactory>> meters = new ArrayList<>(productMeters());
        AtomicInteger running = new AtomicInteger();
        meters.add(entry(factory("watch", format -> meter(n -> {
            running.incrementAndGet();
            blocks.incrementAndGet();
            running.decrementAndGet();
        }, Map::of))));
        for (TrackMeasurer.Lanes lanes : multiThreaded(meters.size())) {
            blocks.set(0);
            assertThrows(CancellationException.class, () -> TrackMeasurer.measure(track,
                    List.of(new SynthDecoder()), meters, () -> blocks.get() >= 20, f -> {
                    }, lanes));
            int seen = blocks.get();
            assertEquals(0, running.get(), "no meter runs once measure has returned");
            assertTrue(seen >= 20 && seen < 20 + TrackMeasurer.RING_BLOCKS + 2, "stopped between blocks: " + seen);
        }
    }

    @Test
    void anErrorInAHelperLaneEndsTheMeasurementAsOnOneThread() throws Exception {
        Track track = synth(1, RATE * 3L, 10);
        List<ServiceEntry<MeterFactory>> meters = List.of(entry(failing("good", -1, false, false)),
                entry(factory("overflow", format -> meter(n -> {
                    throw new StackOverflowError("deep");
                }, Map::of))));
        assertThrows(StackOverflowError.class, () -> measure(track, meters, TrackMeasurer.Lanes.ONE));
        // Round-robin from the first helper: "good" on the helper lane, "overflow" on the caller's, and the other way.
        assertThrows(StackOverflowError.class, () -> measure(track, meters, new TrackMeasurer.Lanes(helpers, 2, null)));
        assertThrows(StackOverflowError.class,
                () -> measure(track, List.of(meters.get(1), meters.get(0)), new TrackMeasurer.Lanes(helpers, 2, null)));
    }

    @Test
    void theSplitPutsTheCostliestMeterAloneBesideTheDecoderAndTheRest() {
        // spectrum 39, levels 17, stereo 2 (ms per minute); decoding 7 on the caller's lane
        int[][] split = TrackMeasurer.split(2, 3, new double[]{39, 17, 2}, 7);
        assertArrayEquals(new int[]{1, 2}, split[0]);
        assertArrayEquals(new int[]{0}, split[1]);
        int[][] pipeline = TrackMeasurer.split(2, 1, new double[]{30}, 7);
        assertArrayEquals(new int[]{}, pipeline[0], "one meter: decoding and metering in a pipeline");
        assertArrayEquals(new int[]{0}, pipeline[1]);
        int[][] roundRobin = TrackMeasurer.split(3, 4, null, 0);
        assertArrayEquals(new int[]{2}, roundRobin[0]);
        assertArrayEquals(new int[]{0, 3}, roundRobin[1]);
        assertArrayEquals(new int[]{1}, roundRobin[2]);
    }

    @Test
    void theEngineSplitsALoneFilesMetersByTheirDeclaredCosts() throws Exception {
        AnalysisEngine engine = new AnalysisEngine();
        try {
            engine.meterThreads = 2;
            engine.addDecoder(new SynthDecoder(), reference());
            Map<String, Set<String>> threadsOf = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Object> costs = Map.of("light", "2", "heavy", "39", "medium", "17", "undeclared", "");
            for (String id : List.of("light", "heavy", "medium", "undeclared")) {
                MeterFactory meter = factory(id, format -> meter(n -> threadsOf
                        .computeIfAbsent(id, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                        .add(Thread.currentThread().getName().replaceAll("-[0-9]+$", "")), Map::of));
                engine.addMeter(meter, reference(id.equals("undeclared")
                        ? Map.of()
                        : Map.of(TrackMeasurer.COST_PROPERTY, costs.get(id))));
            }
            Track track = synth(2, RATE * 2L, 12);
            engine.analyze(new io.mixbench.analysis.AnalysisRequest(new io.mixbench.session.Session(dir,
                    List.of(track), io.mixbench.session.ExportKind.STEMS, io.mixbench.session.PanLaw.MINUS_3_DB, null,
                    Map.of()), new io.mixbench.rule.RuleSet("default", "Default", "", null, Map.of(), "test")), null);
            // The heaviest alone on the helper; decoding (7) and the rest (17 + 10 + 2) on the track's thread.
            assertEquals(Set.of("mixbench-lane"), threadsOf.get("heavy"));
            for (String id : List.of("light", "medium", "undeclared")) {
                assertEquals(Set.of("mixbench-meter"), threadsOf.get(id), id);
            }
        } finally {
            engine.deactivate();
        }
    }

    @Test
    void refusedHelperThreadsLeaveTheWholeTrackOnOneThread() throws Exception {
        Track track = synth(2, RATE * 2L + 9, 11);
        TrackMeasurer.Outcome one = measure(track, productMeters(), TrackMeasurer.Lanes.ONE);
        ExecutorService gone = Executors.newSingleThreadExecutor();
        gone.shutdown();
        assertSameOutcome(one, measure(track, productMeters(), new TrackMeasurer.Lanes(gone, 2, null)), "refused");
    }
}
