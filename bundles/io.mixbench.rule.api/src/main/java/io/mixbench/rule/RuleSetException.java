package io.mixbench.rule;

import java.io.IOException;

/** A rule set is invalid: the message names the file, the line where known, and the problem. */
public class RuleSetException extends IOException {

    private static final long serialVersionUID = 1L;

    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
