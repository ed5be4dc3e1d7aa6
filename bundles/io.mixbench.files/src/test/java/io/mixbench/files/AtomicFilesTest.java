package io.mixbench.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.mixbench.files.testing.LockHolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeFileAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.write(target, o -> o.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of("report.json"), names());
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, o -> {
            o.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("report.json"), names());
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(target, o -> o.write(1));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aKilledWritersTemporaryIsRemovedByTheNextWrite() throws IOException {
        Path target = dir.resolve("report.json");
        // What a run killed while writing leaves: nobody holds it.
        Path stale = dir.resolve(AtomicFiles.temporaryName(target, "123456789"));
        Files.writeString(stale, "half a report");
        Path otherTarget = dir.resolve(AtomicFiles.temporaryName(dir.resolve("report.csv"), "42"));
        Files.writeString(otherTarget, "another file's");
        Path users = dir.resolve(".report.json.notes.tmp");
        Files.writeString(users, "not ours");
        AtomicFiles.write(target, o -> o.write(1));
        assertFalse(Files.exists(stale), "the dead writer's temporary file is gone");
        assertTrue(Files.exists(otherTarget), "only the temporaries of the file being written are swept");
        assertTrue(Files.exists(users), "a name that is not our pattern is not touched");
    }

    @Test
    void aTemporaryTheWriterCannotOpenIsLeftAndTheWriteGoesOn() throws IOException {
        Path target = dir.resolve("song.mixbench");
        Path others = dir.resolve(AtomicFiles.temporaryName(target, "55"));
        Files.writeString(others, "another user's save");
        Files.setPosixFilePermissions(others, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(others), "the user may write any file (root): nothing to test");
        AtomicFiles.write(target, o -> o.write(1));
        assertTrue(Files.exists(others));
        assertEquals(1, Files.size(target));
    }

    @Test
    @Timeout(120) // guards a hang only
    void aLiveWritersTemporaryInAnotherProcessIsLeftAlone() throws Exception {
        Path target = dir.resolve("report.json");
        Path live = dir.resolve(AtomicFiles.temporaryName(target, "987654321"));
        Files.writeString(live, "being written");
        LockHolder writer = LockHolder.lock(live, dir);
        try (writer) {
            AtomicFiles.write(target, o -> o.write(1));
            assertTrue(Files.exists(live), "a live writer's temporary file is not deleted under it");
        }
        // Its writer has gone: the next write removes it.
        AtomicFiles.write(target, o -> o.write(2));
        assertFalse(Files.exists(live));
    }

    @Test
    void anOpenedFileAppearsWholeOnCommitWithWhatItsChannelHolds() throws IOException {
        Path target = dir.resolve("take.wav");
        Files.writeString(target, "old");
        try (AtomicFiles.PendingFile file = AtomicFiles.open(target)) {
            file.channel().write(ByteBuffer.wrap("?...body".getBytes(StandardCharsets.UTF_8)));
            // A streaming writer patches its header last.
            file.channel().write(ByteBuffer.wrap("HEAD".getBytes(StandardCharsets.UTF_8)), 0);
            assertEquals("old", Files.readString(target), "nothing reaches the target before the commit");
            assertEquals(2, names().size(), "the content is in a temporary file beside the target");
            file.commit();
        }
        assertEquals("HEADbody", Files.readString(target));
        assertEquals(List.of("take.wav"), names());
    }

    @Test
    void anOpenedFileClosedWithoutCommitLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("take.wav");
        Files.writeString(target, "old");
        try (AtomicFiles.PendingFile file = AtomicFiles.open(target)) {
            file.channel().write(ByteBuffer.wrap(new byte[]{1, 2, 3}));
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("take.wav"), names());
    }

    @Test
    void aCommittedFileCannotBeCommittedAgain() throws IOException {
        AtomicFiles.PendingFile file = AtomicFiles.open(dir.resolve("take.wav"));
        file.commit();
        assertThrows(IllegalStateException.class, file::commit);
        file.close();
        assertEquals(List.of("take.wav"), names());
    }

    @Test
    @Timeout(120) // guards a hang only
    void aFolderSweepRemovesEveryDeadWritersTemporaryAndKeepsLiveOnesAndOtherFiles() throws Exception {
        Path stale = dir.resolve(AtomicFiles.temporaryName(dir.resolve("a.bin"), "1"));
        Path otherStale = dir.resolve(AtomicFiles.temporaryName(dir.resolve("b.bin"), "22"));
        Path live = dir.resolve(AtomicFiles.temporaryName(dir.resolve("c.bin"), "333"));
        Path users = dir.resolve(".notes.tmp");
        for (Path p : List.of(stale, otherStale, live, users)) {
            Files.writeString(p, "x");
        }
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        LockHolder writer = LockHolder.lock(live, scratch);
        try (writer) {
            assertEquals(List.of(stale, otherStale),
                    AtomicFiles.removeStaleTemporariesIn(dir).stream().sorted().toList());
            assertTrue(Files.exists(live), "a live writer's temporary file is not deleted under it");
            assertTrue(Files.exists(users), "a name that is not our pattern is not touched");
        }
        assertEquals(List.of(), AtomicFiles.removeStaleTemporariesIn(dir.resolve("no such folder")));
    }

    @Test
    @Timeout(120) // guards a hang only
    void aSweepInTheWritersOwnProcessKeepsItsTemporaryAndItsLock() throws Exception {
        Path target = dir.resolve("report.json");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        AtomicFiles.write(target, out -> {
            out.write(1);
            // Another report of the same run, or a cache write on another thread, sweeps while this one writes.
            AtomicFiles.removeStaleTemporaries(target);
            AtomicFiles.removeStaleTemporariesIn(dir);
            Path mine;
            try (Stream<Path> files = Files.list(dir)) {
                mine = files.filter(p -> p.getFileName().toString().startsWith(".report.json.")).findFirst()
                        .orElseThrow();
            }
            assertTrue(LockHolder.isLockedByAnotherProcess(mine, scratch),
                    "the writer still holds its lock, so a sweep in another process leaves it alone");
        });
        assertEquals("\u0001", Files.readString(target));
    }
}
