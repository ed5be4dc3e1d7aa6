package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTraceTest {

    @Test
    void readsEachStepsTimeSinceJvmStartAmongOtherLines() {
        String stderr = """
                [startup]    41 ms (+  41) launcher main
                Analysing 32 track(s) of /tmp/session with rule set 'default'
                [startup]   612 ms (+ 571) framework started
                [startup]   934 ms (+ 322) window drawn\r
                WARNING: a plug-in said something
                [startup]  1234 ms (+ 300) findings shown
                """;

        Map<String, Long> steps = StartupTrace.parse(stderr);

        assertEquals(List.of("launcher main", "framework started", "window drawn", "findings shown"),
                List.copyOf(steps.keySet()));
        assertEquals(934L, steps.get(StartupTrace.WINDOW_DRAWN));
        assertEquals(1234L, steps.get(StartupTrace.FINDINGS_SHOWN));
    }

    @Test
    void readsLinesAsTheLauncherFormatsThem() {
        // The launcher's StartupTrace: "[startup] %5d ms (+%4d) %s", with times from 0 to beyond 5 digits.
        String stderr = String.format(java.util.Locale.ROOT, "[startup] %5d ms (+%4d) %s%n", 7, 7, "launcher's main")
                + String.format(java.util.Locale.ROOT, "[startup] %5d ms (+%4d) %s%n", 940, 933, "window drawn")
                + String.format(java.util.Locale.ROOT, "[startup] %5d ms (+%4d) %s%n", 123_456, 12_345,
                        "findings shown");
        assertEquals(Map.of("launcher's main", 7L, "window drawn", 940L, "findings shown", 123_456L),
                StartupTrace.parse(stderr));
    }

    @Test
    void aStepPrintedTwiceKeepsItsFirstTime() {
        Map<String, Long> steps = StartupTrace.parse("[startup] 900 ms (+900) window drawn\n"
                + "[startup] 1500 ms (+600) window drawn\n");
        assertEquals(900L, steps.get(StartupTrace.WINDOW_DRAWN));
    }

    @Test
    void linesOutOfTheContractAreNotSteps() {
        Map<String, Long> steps = StartupTrace.parse("""
                Workbench window open after 2031 ms (JVM start to window)
                [startup] window drawn
                [startup]  12.5 ms (+ 1) window drawn
                  [startup]  100 ms (+ 1) indented
                [startup]  99999999999999999999 ms (+ 1) overflow
                """);
        assertTrue(steps.isEmpty(), steps.toString());
        assertTrue(StartupTrace.parse("").isEmpty());
    }
}
