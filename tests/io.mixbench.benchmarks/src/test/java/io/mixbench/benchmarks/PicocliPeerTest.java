package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PicocliPeerTest {

    @Test
    void printsItsUsageForHelpAndWhenGivenNothing() {
        for (String[] args : new String[][]{{"--help"}, {}}) {
            StringWriter text = new StringWriter();
            assertEquals(0, PicocliPeer.run(new PrintWriter(text), args));
            assertTrue(text.toString().startsWith("Usage: peer [-hV]"), text.toString());
            assertTrue(text.toString().contains("--no-cache"), text.toString());
        }
    }

    @Test
    void printsItsVersion() {
        StringWriter text = new StringWriter();
        assertEquals(0, PicocliPeer.run(new PrintWriter(text), "--version"));
        assertEquals("peer 1.0", text.toString().strip());
    }
}
