package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WholeProcessTest {

    @Test
    void thePeerGetsTheProductsJvmOptionsWithoutItsClassDataArchive() {
        String jvmOptions = """
                # JVM options of bin/mixbench
                -XX:+UseSerialGC
                -XX:TieredStopAtLevel=1 -Xss1m  # two on a line, then a comment

                -XX:SharedArchiveFile=/opt/mixbench/lib/mixbench.jsa
                -XX:ArchiveClassesAtExit=/tmp/x.jsa
                -Xshare:auto
                """;
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xshare:auto"),
                WholeProcess.peerJvmOptions(jvmOptions));
    }

    @Test
    void findsAProgramOnThePath() {
        assertNotNull(WholeProcess.onPath("sh"));
        assertNull(WholeProcess.onPath("no-such-program-mixbench"));
    }

    @Test
    void anErrorShowsTheLastTwentyLinesOfStderr() {
        String stderr = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        List<String> tail = WholeProcess.tail(stderr + "\n").lines().toList();
        assertEquals(20, tail.size());
        assertEquals("line 11", tail.get(0));
        assertEquals("line 30", tail.get(19));
    }
}
