package io.mixbench.session.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.session.SessionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Session files that are not regular files, that are not JSON, or whose rule set points out of the folder. */
class SessionFileSafetyTest {

    @TempDir
    Path dir;
    final JsonSessionStore store = new JsonSessionStore();

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
    }

    @Test
    // A separate thread: a thread blocked opening a FIFO does not answer an interrupt.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoOrADeviceIsRefusedAtOnceNotRead() throws Exception {
        Path fifo = dir.resolve("song.mixbench");
        mkfifo(fifo);
        SessionException e = assertThrows(SessionException.class, () -> store.open(fifo));
        assertEquals(fifo + ": not a regular file (a FIFO, a device or another special file)", e.getMessage());

        Path zero = dir.resolve("zero.mixbench");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        e = assertThrows(SessionException.class, () -> store.open(zero));
        assertTrue(e.getMessage().startsWith(zero + ": not a regular file"), e.getMessage());
    }

    @Test
    void aFileThatIsNotJsonIsNotQuoted() throws Exception {
        Path key = dir.resolve("key.mixbench");
        Files.writeString(key, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAAAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5\n");
        SessionException e = assertThrows(SessionException.class, () -> store.open(key));
        assertTrue(e.getMessage().startsWith(key + ", line 1: not JSON at column "), e.getMessage());
        assertFalse(e.getMessage().contains("b3Bl"), e.getMessage());

        Path env = dir.resolve("environ.mixbench");
        Files.writeString(env, "{\"format\": \"mixbench-session\", \"formatVersion\": SECRET_TOKEN}");
        e = assertThrows(SessionException.class, () -> store.open(env));
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertTrue(e.getMessage().startsWith(env + ", line 1: not JSON at column "), e.getMessage());

        Path cut = dir.resolve("cut.mixbench");
        Files.writeString(cut, "{\"format\": \"mixbench-session\", ");
        e = assertThrows(SessionException.class, () -> store.open(cut));
        assertTrue(e.getMessage().endsWith(": the file ends inside a value"), e.getMessage());
    }

    @Test
    void aRuleSetOutsideTheSessionFolderIsRefused() throws Exception {
        Files.write(dir.resolve("kick.wav"), new byte[44]);
        for (String outside : new String[]{"/etc/passwd", "../secret.json", "sets/../../secret.json", "C:/x.json"}) {
            Path file = dir.resolve("song.mixbench");
            Files.writeString(file, "{\n\"format\": \"mixbench-session\", \"formatVersion\": 1,\n\"ruleSet\": \""
                    + outside + "\",\n\"tracks\": [{\"file\": \"kick.wav\"}]}");
            SessionException e = assertThrows(SessionException.class, () -> store.open(file), outside);
            assertTrue(e.getMessage().startsWith(file + ", line 3: \"ruleSet\" must be a rule set id"),
                    e.getMessage());
        }
        Path file = dir.resolve("song.mixbench");
        Files.writeString(file, "{\"format\": \"mixbench-session\", \"formatVersion\": 1,"
                + " \"ruleSet\": \"sets/studio.json\", \"tracks\": []}");
        assertEquals("sets/studio.json", store.open(file).ruleSet(), "a file inside the folder is allowed");
    }
}
