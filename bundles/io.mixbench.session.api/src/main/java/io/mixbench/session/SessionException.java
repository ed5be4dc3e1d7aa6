package io.mixbench.session;

import java.io.IOException;

/** A session could not be opened: the message names the file and the problem (and line, for session files). */
public class SessionException extends IOException {

    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
