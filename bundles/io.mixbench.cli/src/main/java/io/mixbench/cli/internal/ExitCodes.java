package io.mixbench.cli.internal;

/** Process exit codes, documented in docs/cli.md. */
final class ExitCodes {
    /** No finding at or above the --fail-on threshold. */
    static final int OK = 0;
    /** At least one finding at or above the threshold (a file that cannot be decoded is a PROBLEM). */
    static final int FINDINGS = 1;
    /** A usage error, or nothing that could be analysed. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
