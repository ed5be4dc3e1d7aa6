package io.mixbench.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherAnswersTest {

    @Test
    void helpTopics() {
        assertEquals("mixbench", LauncherAnswers.helpTopic(new String[0]));
        assertEquals("mixbench", LauncherAnswers.helpTopic(new String[]{"--help"}));
        assertEquals("mixbench", LauncherAnswers.helpTopic(new String[]{"-h"}));
        assertEquals("mixbench", LauncherAnswers.helpTopic(new String[]{"help"}));
        assertEquals("analyze", LauncherAnswers.helpTopic(new String[]{"analyze", "--help"}));
        assertEquals("analyze", LauncherAnswers.helpTopic(new String[]{"analyze", "-h"}));
        assertEquals("plan", LauncherAnswers.helpTopic(new String[]{"help", "plan"}));
        assertNull(LauncherAnswers.helpTopic(new String[]{"analyze"}));
        assertNull(LauncherAnswers.helpTopic(new String[]{"analyze", "x.wav", "--help"}));
        assertNull(LauncherAnswers.helpTopic(new String[]{"help", "../../etc/passwd"}));
        assertNull(LauncherAnswers.helpTopic(new String[]{"../x", "--help"}));
        assertNull(LauncherAnswers.helpTopic(new String[]{"--version"}));
    }

    @Test
    void answersFromTheRecordedTextsOrLeavesItToTheFramework(@TempDir Path home) throws Exception {
        assertEquals("Mixbench 1.2.3" + System.lineSeparator(),
                LauncherAnswers.answer(new String[]{"--version"}, home, "1.2.3"));
        assertEquals("Mixbench 1.2.3" + System.lineSeparator(),
                LauncherAnswers.answer(new String[]{"-V"}, home, "1.2.3"));
        assertNull(LauncherAnswers.answer(new String[]{"--help"}, home, "1.2.3"), "nothing recorded");
        Path help = Files.createDirectories(home.resolve("lib/help"));
        Files.writeString(help.resolve("mixbench.txt"), "Usage: mixbench\n");
        Files.writeString(help.resolve("analyze.txt"), "Usage: mixbench analyze\n");
        assertEquals("Usage: mixbench\n", LauncherAnswers.answer(new String[]{"--help"}, home, "1.2.3"));
        assertEquals("Usage: mixbench\n", LauncherAnswers.answer(new String[0], home, "1.2.3"));
        assertEquals("Usage: mixbench analyze\n", LauncherAnswers.answer(new String[]{"help", "analyze"}, home, "1"));
        assertNull(LauncherAnswers.answer(new String[]{"plan", "--help"}, home, "1"), "plan has no recorded text");
        assertNull(LauncherAnswers.answer(new String[]{"version"}, home, "1"), "the bundles need the framework");
        assertNull(LauncherAnswers.answer(new String[]{"analyze", "a.wav"}, home, "1"));
    }
}
