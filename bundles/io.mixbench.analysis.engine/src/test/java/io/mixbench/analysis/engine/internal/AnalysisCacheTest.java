package io.mixbench.analysis.engine.internal;

import static io.mixbench.analysis.engine.internal.AnalysisEngineTest.countingMeter;
import static io.mixbench.analysis.engine.internal.AnalysisEngineTest.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.files.AtomicFiles;
import io.mixbench.files.testing.LockHolder;
import io.mixbench.rule.RuleSet;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The analysis cache does not trust its bytes, and cleans up after writers that died. */
class AnalysisCacheTest {

    @TempDir
    Path dir;
    final AnalysisEngine engine = new AnalysisEngine();
    final AnalysisEngineTest.FakeDecoder decoder = new AnalysisEngineTest.FakeDecoder(0);
    final List<String> notes = new CopyOnWriteArrayList<>();
    List<Track> tracks;

    @BeforeEach
    void start() throws IOException {
        engine.addDecoder(decoder, reference());
        engine.addMeter(countingMeter("a", false), reference());
        tracks = new ArrayList<>();
        for (String name : List.of("One", "Two")) {
            Path file = dir.resolve(name + ".fake");
            Files.writeString(file, "FAKE " + (name.equals("One") ? 10_000 : 20_000));
            tracks.add(new Track(name, file, Role.OTHER, null));
        }
    }

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    AnalysisResult analyse() throws Exception {
        Session session = new Session(dir, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
        return engine.analyze(new AnalysisRequest(session, new RuleSet("default", "Default", "", null, Map.of(),
                "test")), new AnalysisListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                });
    }

    Path entries() {
        return dir.resolve(".mixbench/cache/entries");
    }

    /** The entry of a track: the one whose name starts with its content key. */
    Path entryOf(int track) throws IOException {
        String key = new AnalysisCache(dir.resolve(".mixbench/cache")).contentKey(tracks.get(track).file());
        try (var list = Files.list(entries())) {
            return list.filter(p -> p.getFileName().toString().startsWith(key + "-")).findFirst().orElseThrow();
        }
    }

    void assertFresh(AnalysisResult result) {
        assertEquals(10_000, result.tracks().get(0).scalar("a").getAsDouble());
        assertEquals(20_000, result.tracks().get(1).scalar("a").getAsDouble());
    }

    @Test
    void aFlippedByteDiscardsTheEntryAndMeasuresAgain() throws Exception {
        analyse();
        assertEquals(2, decoder.opens.get());
        Path entry = entryOf(1);
        byte[] bytes = Files.readAllBytes(entry);
        // Every byte, in turn: none may change a measurement (one at a time, on a fresh copy).
        for (int i = 0; i < bytes.length; i++) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x40;
            Files.write(entry, damaged);
            int opens = decoder.opens.get();
            assertFresh(analyse());
            assertEquals(opens + 1, decoder.opens.get(), "byte " + i + ": measured again");
        }
        assertTrue(notes.stream().allMatch(n -> n.startsWith("Discarded the analysis cache entry of "
                + tracks.get(1).file() + " (")), notes.toString());
        assertTrue(notes.contains("Discarded the analysis cache entry of " + tracks.get(1).file()
                + " (damaged: its checksum does not match); measuring it again."), notes.toString());
    }

    @Test
    void swappedEntriesAreNotBelieved() throws Exception {
        analyse();
        Path one = entryOf(0);
        Path two = entryOf(1);
        byte[] first = Files.readAllBytes(one);
        Files.write(one, Files.readAllBytes(two));
        Files.write(two, first);
        assertFresh(analyse());
        assertEquals(4, decoder.opens.get(), "both measured again");
        assertEquals(2, notes.stream().filter(n -> n.contains("it was stored for other content or other meters"))
                .count(), notes.toString());
        notes.clear();
        assertFresh(analyse());
        assertEquals(4, decoder.opens.get(), "the new entries are used");
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void entriesGetTheUmasksPermissions() throws Exception {
        analyse();
        Path plain = Files.createFile(entries().resolve("plain"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(entryOf(0))));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void staleTemporaryFilesAreSweptButNotALiveWritersFile() throws Exception {
        Files.createDirectories(entries());
        Path stale = Files.writeString(entries().resolve(AtomicFiles.temporaryName(entries().resolve("killed.bin"),
                "3")), "half an entry");
        Path live = Files.writeString(entries().resolve(AtomicFiles.temporaryName(entries().resolve("writing.bin"),
                "77")), "being written");
        Path notOurs = Files.writeString(entries().resolve("notes.tmp"), "not a temporary file of ours");
        // Another process holds the lock, as a writer does while it writes.
        LockHolder writer = LockHolder.lock(live, dir);
        try (writer) {
            assertFresh(analyse());
            assertFalse(Files.exists(stale), "a temporary file whose writer died is removed");
            assertTrue(Files.exists(live), "a live writer's file is left alone");
            assertTrue(Files.exists(notOurs));
        }
    }
}
