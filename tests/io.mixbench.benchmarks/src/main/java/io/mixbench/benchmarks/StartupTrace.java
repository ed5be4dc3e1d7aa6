package io.mixbench.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the product's start-up trace: with {@code -Dmixbench.traceStartup=true} bin/mixbench prints lines
 * {@code [startup]  1234 ms (+  56) <step>} on stderr, milliseconds since JVM start and since the previous step, for
 * example the steps {@value #WINDOW_DRAWN} and {@value #FINDINGS_SHOWN} of {@code bin/mixbench gui FOLDER}.
 */
final class StartupTrace {

    static final String WINDOW_DRAWN = "window drawn";
    static final String FINDINGS_SHOWN = "findings shown";

    private static final Pattern LINE = Pattern
            .compile("^\\[startup\\]\\s+(\\d{1,12})\\s+ms\\s+\\(\\+\\s*(\\d{1,12})\\)\\s+(.+?)\\s*$");

    private StartupTrace() {
    }

    /**
     * Each step's time, ms since JVM start, in the order printed. Other lines (progress, logs) are skipped; a step
     * printed twice keeps its first time, when the user first saw it.
     */
    static Map<String, Long> parse(String stderr) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (String line : stderr.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                steps.putIfAbsent(m.group(3), Long.parseLong(m.group(1)));
            }
        }
        return steps;
    }
}
