package io.mixbench.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalSafeOutputStreamTest {

    private static String through(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(new TerminalSafeOutputStream(bytes), true, StandardCharsets.UTF_8)) {
            err.print(text);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void escapeSequencesInAFileNameAreShownNotObeyed() throws IOException {
        assertEquals("mixbench: \\x1b]0;pwned\\x07Kick\\x1b[2J.wav: not a WAV file\n",
                through("mixbench: \u001b]0;pwned\u0007Kick\u001b[2J.wav: not a WAV file\n"));
    }

    @Test
    void carriageReturnsAndC1ControlsAreShown() throws IOException {
        assertEquals("ok\\rfake\\u009b31m\n", through("ok\rfake\u009b31m\n"));
    }

    @Test
    void ordinaryTextPassesUnchanged() throws IOException {
        String text = "Analysing 6 track(s) of /tmp/Zoë – Ärger ¢ 漢字/\tdone\n";
        assertEquals(text, through(text));
    }
}
