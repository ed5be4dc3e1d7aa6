package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildTest {

    @Test
    void keepsTheExitCodeStderrAndOnRequestStdout() throws IOException {
        Child.Run run = Child.run(List.of("sh", "-c", "echo out; echo err >&2; echo \"$EXTRA\" >&2; exit 3"),
                Map.of("EXTRA", "from the environment"), Duration.ofMinutes(5), true);
        assertEquals(3, run.exitCode());
        assertEquals("out\n", run.stdout());
        assertEquals("err\nfrom the environment\n", run.stderr());
        assertFalse(run.killed());
        assertTrue(run.wallSeconds() > 0);
        assertTrue(run.cpuSeconds() >= 0, "the children's CPU time never goes back: " + run.cpuSeconds());

        Child.Run discarded = Child.run(List.of("sh", "-c", "echo out"), Duration.ofMinutes(5));
        assertEquals("", discarded.stdout());
        assertEquals(0, discarded.exitCode());
    }

    @Test
    void readsTheChildrensCpuTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194304 101 0 0 0 7 3 120 45 20 0 1 0 4600553 3133440 394";
        assertEquals(120 + 45, Child.childrenCpuTicks(stat));
        assertThrows(IllegalArgumentException.class, () -> Child.childrenCpuTicks("4242 (sh) S 1 2"));
        assertThrows(IllegalArgumentException.class, () -> Child.childrenCpuTicks("no command name"));
    }
}
