package io.mixbench.audio;

import java.io.IOException;

/**
 * A file could not be decoded. The message names the file and the problem in words a user understands,
 * e.g. {@code "kick.wav: WAV header declares 0 channels"}.
 */
public class AudioDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;

    public AudioDecodeException(String sourceName, String problem) {
        super(sourceName + ": " + problem);
        this.sourceName = sourceName;
    }

    public AudioDecodeException(String sourceName, String problem, Throwable cause) {
        super(sourceName + ": " + problem, cause);
        this.sourceName = sourceName;
    }

    /** The file's name or path as given to the decoder. */
    public String sourceName() {
        return sourceName;
    }
}
