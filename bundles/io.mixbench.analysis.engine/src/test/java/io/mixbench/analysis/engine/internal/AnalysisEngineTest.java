package io.mixbench.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.Scalar;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;

/**
 * The engine with fake decoder, meter and rule services: one pass, parallel tracks, progress, cancel, errors. Each
 * file on one thread here; {@link AnalysisEngineLanesTest} runs the same with each file on several.
 */
class AnalysisEngineTest {

    static final int RATE = 48_000;

    @TempDir
    Path dir;
    final AnalysisEngine engine = new AnalysisEngine();
    final RuleSet defaults = new RuleSet("default", "Default", "", null, Map.of(), "test");

    @BeforeEach
    void threads() {
        engine.meterThreads = 1;
    }

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    static <S> ServiceReference<S> reference() {
        return reference(Map.of());
    }

    /** A reference with these service properties and no bundle. */
    @SuppressWarnings("unchecked")
    static <S> ServiceReference<S> reference(Map<String, Object> properties) {
        return (ServiceReference<S>) Proxy.newProxyInstance(AnalysisEngineTest.class.getClassLoader(),
                new Class<?>[]{ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "getProperty" -> properties.get((String) args[0]);
                    default -> null;
                });
    }

    /** Decodes files that start with "FAKE" followed by a frame count, as silence, optionally slowly. */
    static final class FakeDecoder implements AudioDecoder {
        final long millisPerBlock;
        final java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();

        FakeDecoder(long millisPerBlock) {
            this.millisPerBlock = millisPerBlock;
        }

        @Override
        public String formatName() {
            return "FAKE";
        }

        @Override
        public boolean accepts(byte[] header, String fileName) {
            return new String(header, StandardCharsets.US_ASCII).startsWith("FAKE");
        }

        @Override
        public AudioStream open(InputStream in, String sourceName) throws IOException {
            opens.incrementAndGet();
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            in.close();
            long frames = Long.parseLong(text.substring(4).trim());
            AudioFormat format = new AudioFormat(RATE, ChannelLayout.MONO, 16, SampleEncoding.PCM_INTEGER, frames,
                    "FAKE");
            return new AudioStream() {
                long left = frames;

                @Override
                public AudioFormat format() {
                    return format;
                }

                @Override
                public int read(float[][] block, int maxFrames) throws IOException {
                    if (left == 0) {
                        return -1;
                    }
                    if (millisPerBlock > 0) {
                        try {
                            Thread.sleep(millisPerBlock);
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                    }
                    int n = (int) Math.min(maxFrames, left);
                    java.util.Arrays.fill(block[0], 0, n, 0.25f);
                    left -= n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Counts the frames it is fed; optionally fails on the first block. */
    static MeterFactory countingMeter(String id, boolean fail) {
        return countingMeter(id, fail, "1");
    }

    static MeterFactory countingMeter(String id, boolean fail, String version) {
        return new MeterFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String algorithmVersion() {
                return version;
            }

            @Override
            public Set<String> measurementIds() {
                return Set.of(id);
            }

            @Override
            public Meter create(AudioFormat format) {
                return new Meter() {
                    long frames;

                    @Override
                    public void process(float[][] block, int n) {
                        if (fail) {
                            throw new IllegalStateException("meter bug");
                        }
                        frames += n;
                    }

                    @Override
                    public Map<String, Measurement> finish() {
                        return Map.of(id, Scalar.of(frames, "count"));
                    }
                };
            }
        };
    }

    Track fake(String name, long frames) throws IOException {
        Path file = dir.resolve(name + ".fake");
        Files.writeString(file, "FAKE " + frames);
        return new Track(name, file, Role.OTHER, null);
    }

    Session session(List<Track> tracks) {
        return new Session(dir, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
    }

    @Test
    void everyMeterSeesEveryFrameOnceAndProgressReachesOne() throws Exception {
        engine.addDecoder(new FakeDecoder(0), reference());
        engine.addMeter(countingMeter("a", false), reference());
        engine.addMeter(countingMeter("b", false), reference());
        List<Track> tracks = List.of(fake("One", 100_000), fake("Two", 8_191), fake("Three", 1));
        List<Double> progress = new CopyOnWriteArrayList<>();
        AnalysisResult result = engine.analyze(new AnalysisRequest(session(tracks), defaults),
                new AnalysisListener() {
                    @Override
                    public void progress(double fraction, String message) {
                        progress.add(fraction);
                    }
                });
        assertEquals(List.of("One", "Two", "Three"), result.tracks().stream().map(MeasuredTrack::name).toList());
        long[] expected = {100_000, 8_191, 1};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], result.tracks().get(i).scalar("a").getAsDouble());
            assertEquals(expected[i], result.tracks().get(i).scalar("b").getAsDouble());
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1) - 1e-12, "progress never goes back: " + progress);
        }
    }

    @Test
    void brokenFilesAndFailingMetersAreReportedAndTheRestStands() throws Exception {
        engine.addDecoder(new FakeDecoder(0), reference());
        engine.addMeter(countingMeter("good", false), reference());
        engine.addMeter(countingMeter("bad", true), reference());
        Path notAudio = dir.resolve("notes.wav");
        Files.writeString(notAudio, "{\"not\": \"audio\"}");
        List<Track> tracks = new ArrayList<>(List.of(fake("Kick", 4_800)));
        tracks.add(new Track("Notes", notAudio, Role.OTHER, null));
        AnalysisResult result = engine.analyze(new AnalysisRequest(session(tracks), defaults), null);
        assertEquals(4_800, result.tracks().get(0).scalar("good").getAsDouble());
        assertTrue(result.tracks().get(0).scalar("bad").isEmpty());
        Finding decode = result.findings().stream().filter(f -> f.ruleId().equals("decode")).findFirst()
                .orElseThrow();
        assertEquals(Severity.PROBLEM, decode.severity());
        assertTrue(decode.message().contains("notes.wav") && decode.message().contains("text document"),
                decode.message());
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("meter:bad")
                && f.severity() == Severity.RULE_ERROR && f.message().contains("meter bug")));
    }

    @Test
    @Timeout(120) // guards a hang only: decoding this file whole would take 7 minutes
    void cancelStopsTheAnalysis() throws Exception {
        engine.addDecoder(new FakeDecoder(20), reference());
        engine.addMeter(countingMeter("a", false), reference());
        AnalysisJob job = engine.submit(new AnalysisRequest(session(List.of(fake("Long", 48_000L * 3600))),
                defaults), AnalysisListener.NONE);
        job.cancel();
        assertThrows(CancellationException.class, () -> job.result().get());
    }

    @Test
    void unchangedFilesComeFromTheCacheBesideTheSession() throws Exception {
        FakeDecoder decoder = new FakeDecoder(0);
        engine.addDecoder(decoder, reference());
        MeterFactory meterV1 = countingMeter("a", false, "1");
        engine.addMeter(meterV1, reference());
        Track one = fake("One", 10_000);
        Track two = fake("Two", 20_000);
        AnalysisRequest request = new AnalysisRequest(session(List.of(one, two)), defaults);
        AnalysisResult first = engine.analyze(request, null);
        assertEquals(2, decoder.opens.get());
        assertTrue(Files.isDirectory(dir.resolve(".mixbench/cache/entries")), "kept beside the session");

        AnalysisResult again = engine.analyze(request, null);
        assertEquals(2, decoder.opens.get(), "nothing decoded again");
        assertEquals(first.tracks().get(1).scalar("a"), again.tracks().get(1).scalar("a"));
        assertEquals(first.tracks().get(1).format(), again.tracks().get(1).format());

        Files.writeString(two.file(), "FAKE 30000");
        AnalysisResult changed = engine.analyze(request, null);
        assertEquals(3, decoder.opens.get(), "only the changed file is decoded again");
        assertEquals(30_000, changed.tracks().get(1).scalar("a").getAsDouble());

        engine.removeMeter(meterV1);
        engine.addMeter(countingMeter("a", false, "2"), reference());
        engine.analyze(request, null);
        assertEquals(5, decoder.opens.get(), "a new meter version measures everything again");

        engine.analyze(new AnalysisRequest(session(List.of(one, two)), defaults, Duration.ofSeconds(1), false), null);
        assertEquals(7, decoder.opens.get(), "useCache=false decodes");

        engine.addDecoder(new AudioDecoder() {
            @Override
            public String formatName() {
                return "OTHER";
            }

            @Override
            public boolean accepts(byte[] header, String fileName) {
                return false;
            }

            @Override
            public AudioStream open(InputStream in, String sourceName) throws IOException {
                throw new IOException("never chosen");
            }
        }, reference());
        engine.analyze(request, null);
        assertEquals(9, decoder.opens.get(), "an added (or updated) decoder may read a file differently");

        try (var entries = Files.list(dir.resolve(".mixbench/cache/entries"))) {
            for (Path entry : entries.toList()) {
                Files.write(entry, new byte[]{1, 2, 3});
            }
        }
        AnalysisResult afterDamage = engine.analyze(request, null);
        assertEquals(11, decoder.opens.get(), "a damaged entry is a miss, not an error");
        assertEquals(10_000, afterDamage.tracks().get(0).scalar("a").getAsDouble());
    }

    /** Pairs every two tracks; measures frames seen in lockstep and the sum of all samples. */
    static io.mixbench.meter.CrossTrackMeterFactory lockstepMeter(boolean fail) {
        return new io.mixbench.meter.CrossTrackMeterFactory() {
            @Override
            public String id() {
                return "lockstep";
            }

            @Override
            public String algorithmVersion() {
                return "1";
            }

            @Override
            public List<int[]> groups(List<io.mixbench.meter.TrackInfo> tracks) {
                return List.of(new int[]{1, 0});
            }

            @Override
            public io.mixbench.meter.CrossTrackMeter create(List<io.mixbench.meter.TrackInfo> group) {
                return new io.mixbench.meter.CrossTrackMeter() {
                    long frames;
                    double sum;

                    @Override
                    public void process(float[][][] blocks, int n) {
                        if (fail) {
                            throw new IllegalStateException("cross-track bug");
                        }
                        frames += n;
                        for (float[][] track : blocks) {
                            for (int i = 0; i < n; i++) {
                                sum += track[0][i];
                            }
                        }
                    }

                    @Override
                    public Map<String, Measurement> finish() {
                        return Map.of("frames", Scalar.of(frames, "count"), "sum", Scalar.of(sum, "ratio"));
                    }
                };
            }
        };
    }

    @Test
    void crossTrackMetersSeeTheirGroupsInLockstep() throws Exception {
        engine.addDecoder(new FakeDecoder(0), reference());
        engine.addMeter(countingMeter("a", false), reference());
        engine.addCrossTrackMeter(lockstepMeter(false), reference());
        AnalysisResult result = engine.analyze(new AnalysisRequest(session(List.of(fake("Long", 20_000),
                fake("Short", 5_000))), defaults), null);
        assertEquals(1, result.groups().size());
        io.mixbench.rule.GroupMeasurement group = result.groups().get(0);
        assertEquals(List.of("Short", "Long"), group.tracks(), "in the order the meter asked for");
        assertEquals(20_000, group.scalar("frames").getAsDouble(), "the longer file sets the length");
        assertEquals(0.25 * 25_000, group.scalar("sum").getAsDouble(), 1e-6, "the shorter one is zero after its end");
    }

    @Test
    void failingCrossTrackMeterIsARuleErrorAndTheRestStands() throws Exception {
        engine.addDecoder(new FakeDecoder(0), reference());
        engine.addMeter(countingMeter("a", false), reference());
        engine.addCrossTrackMeter(lockstepMeter(true), reference());
        AnalysisResult result = engine.analyze(new AnalysisRequest(session(List.of(fake("One", 100),
                fake("Two", 100))), defaults), null);
        assertTrue(result.groups().isEmpty());
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("meter:lockstep")
                && f.severity() == Severity.RULE_ERROR && f.message().contains("cross-track bug")));
        assertEquals(100, result.tracks().get(0).scalar("a").getAsDouble());
    }
}
