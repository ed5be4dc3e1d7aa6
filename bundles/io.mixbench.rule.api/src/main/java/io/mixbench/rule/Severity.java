package io.mixbench.rule;

import java.util.Locale;
import java.util.Optional;

/**
 * How much a finding matters. Ordered from least to most severe; {@link #RULE_ERROR} is about the tool, not
 * the mix, and sorts last.
 */
public enum Severity {
    /** Checked, and within target. */
    OK("ok"),
    /** Worth knowing; no change needed (e.g. a rule that did not apply, a value near its limit). */
    INFO("info"),
    /** Outside the target; worth fixing before the mix is delivered. */
    WARN("warn"),
    /** Clearly wrong; fix it. */
    PROBLEM("problem"),
    /** The rule itself failed (threw, timed out, returned nonsense); says nothing about the mix. */
    RULE_ERROR("rule-error");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether this severity is at or above {@code threshold} for a CI gate (a rule error always counts). */
    public boolean reaches(Severity threshold) {
        return this == RULE_ERROR || compareTo(threshold) >= 0;
    }

    public static Optional<Severity> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Severity severity : values()) {
            if (severity.id.equals(wanted)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
