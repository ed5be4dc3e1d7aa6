package io.mixbench.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixbench.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

    @TempDir
    Path dir;

    final Fakes.Store store = new Fakes.Store();

    @Test
    void aFolderIsASessionFolder() throws IOException {
        Fakes.wavs(dir, "Kick", "Snare");
        assertEquals(2, Sessions.open(store, List.of(dir)).tracks().size());
    }

    @Test
    void aFolderNamedLikeAnAudioFileIsABrokenFileNotASession() throws IOException {
        Path odd = Files.createDirectories(dir.resolve("bounce.FLAC"));
        IOException e = assertThrows(IOException.class, () -> Sessions.open(store, List.of(odd)));
        assertEquals(odd + ": not found", e.getMessage());
    }

    @Test
    void nothingToOpenSaysSo() {
        assertThrows(IOException.class, () -> Sessions.open(store, List.of()));
    }

    @Test
    void addingNothingNewReturnsTheSameSession() throws IOException {
        List<Path> files = Fakes.wavs(dir, "Kick");
        Session s = Sessions.open(store, files);
        assertSame(s, Sessions.addFiles(store, s, files));
    }

    @Test
    void addingToNoSessionMakesOneOfStemsInTheFirstFilesFolder() throws IOException {
        List<Path> files = Fakes.wavs(dir, "Kick", "Bass");
        Session s = Sessions.addFiles(store, null, files);
        assertEquals(dir.toAbsolutePath(), s.location());
        assertEquals(List.of("kick", "bass"), s.tracks().stream().map(t -> t.name()).toList());
    }
}
