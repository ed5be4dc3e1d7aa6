package io.mixbench.report;

import io.mixbench.rule.Severity;

/**
 * How to render.
 *
 * @param colour whether the output may use ANSI colour (terminals only)
 * @param failOn the severity at which findings count as failures (CI formats), e.g. {@link Severity#PROBLEM}
 */
public record ReportOptions(boolean colour, Severity failOn) {

    public static final ReportOptions DEFAULT = new ReportOptions(false, Severity.PROBLEM);
}
