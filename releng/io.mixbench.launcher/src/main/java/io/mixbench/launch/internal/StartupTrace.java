package io.mixbench.launch.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Start-up timestamps, printed to stderr when the system property {@value #PROPERTY} is {@code true}
 * ({@code MIXBENCH_JAVA_OPTS=-Dmixbench.traceStartup=true}): the milliseconds since the process started at each
 * step of a run, for docs/performance.md's start-up profile. Off, it costs one property read.
 */
final class StartupTrace {

    static final String PROPERTY = "mixbench.traceStartup";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static long jvmStartMillis = -1;
    private static long lastMillis;

    private StartupTrace() {
    }

    static void mark(String step, PrintStream err) {
        if (!ON) {
            return;
        }
        if (jvmStartMillis < 0) {
            // Not ProcessHandle's start instant: Linux gives it to the second.
            jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        }
        long millis = System.currentTimeMillis() - jvmStartMillis;
        err.printf("[startup] %5d ms (+%4d) %s%n", millis, millis - lastMillis, step);
        lastMillis = millis;
    }
}
