package io.mixbench.launch;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Start-up timestamps, printed to stderr when the system property {@value #PROPERTY} is {@code true}
 * ({@code MIXBENCH_JAVA_OPTS=-Dmixbench.traceStartup=true}): the milliseconds since the JVM started at each
 * step of a run, one line {@code [startup]  1234 ms (+  56) <step>} each, for docs/performance.md's start-up
 * profile and releng/benchmark.sh. The launcher marks its steps; an application marks what its user waits for
 * (the workbench: {@code window drawn}, {@code findings shown}). Off, a mark costs one field read.
 */
public final class StartupTrace {

    /** The system property that turns the trace on. */
    public static final String PROPERTY = "mixbench.traceStartup";
    /**
     * The system property that asks an application to end once its start-up is traced to the end (the
     * workbench: once the findings of the session it opens are shown), so a benchmark can run it unattended.
     */
    public static final String EXIT_AFTER_STARTUP_PROPERTY = "mixbench.exitAfterStartup";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static long jvmStartMillis = -1;
    private static long lastMillis;

    private StartupTrace() {
    }

    /** Whether the trace is on. */
    public static boolean on() {
        return ON;
    }

    /** Prints the step with the time since the JVM started to {@code System.err}, when the trace is on. */
    public static void mark(String step) {
        mark(step, System.err);
    }

    /** Prints the step with the time since the JVM started, when the trace is on. */
    public static synchronized void mark(String step, PrintStream err) {
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
