package io.mixbench.analysis.engine.internal;

import static io.mixbench.analysis.engine.internal.AnalysisEngineTest.countingMeter;
import static io.mixbench.analysis.engine.internal.AnalysisEngineTest.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracks that are not regular files are refused before they are opened (a FIFO would block the cache's checksum and
 * the decoder's sniffing forever, a device never ends), and a file that fails to read is named.
 */
class SpecialFilesTest {

    @TempDir
    Path dir;
    final AnalysisEngine engine = new AnalysisEngine();

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
    }

    AnalysisResult analyse(List<Track> tracks) throws Exception {
        engine.addDecoder(new AnalysisEngineTest.FakeDecoder(0), reference());
        engine.addMeter(countingMeter("a", false), reference());
        Session session = new Session(dir, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
        return engine.analyze(new AnalysisRequest(session, new RuleSet("default", "Default", "", null, Map.of(),
                "test")), null);
    }

    @Test
    // A separate thread: a thread blocked opening a FIFO does not answer an interrupt.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fifosAndDevicesAreRefusedAtOnceAndTheRestIsMeasured() throws Exception {
        Path good = dir.resolve("kick.fake");
        Files.writeString(good, "FAKE 4800");
        Path fifo = dir.resolve("x.wav");
        mkfifo(fifo);
        Path zero = dir.resolve("zero.wav");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        Path random = dir.resolve("random.wav");
        Files.createSymbolicLink(random, Path.of("/dev/urandom"));
        List<Track> tracks = new ArrayList<>();
        for (Path p : List.of(good, fifo, zero, random)) {
            tracks.add(new Track(p.getFileName().toString(), p, Role.OTHER, null));
        }
        AnalysisResult result = analyse(tracks);
        assertEquals(4800, result.tracks().get(0).scalar("a").getAsDouble());
        assertEquals(fifo + ": not a regular file (a FIFO)", result.tracks().get(1).error());
        assertEquals(zero + ": not a regular file (a character device)", result.tracks().get(2).error());
        assertEquals(random + ": not a regular file (a character device)", result.tracks().get(3).error());
        assertEquals(3, result.findings().stream().filter(f -> f.ruleId().equals("decode")).count());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReadErrorNamesTheFile() throws Exception {
        // /proc/self/mem is a regular file whose first page fails with EIO, even for root.
        Path mem = dir.resolve("mem.wav");
        Files.createSymbolicLink(mem, Path.of("/proc/self/mem"));
        MeasuredTrack track = analyse(List.of(new Track("Mem", mem, Role.OTHER, null))).tracks().get(0);
        assertTrue(track.error().startsWith(mem + ": cannot be read: "), track.error());
    }
}
