package io.mixbench.audio;

/**
 * The data ended before the length the header declares: the file was cut short (an interrupted export or
 * copy). Never reported as a shorter valid file.
 */
public class TruncatedAudioException extends AudioDecodeException {

    private static final long serialVersionUID = 1L;

    private final long framesRead;
    private final long framesDeclared;

    public TruncatedAudioException(String sourceName, long framesRead, long framesDeclared) {
        super(sourceName, "file is truncated: the data stops after " + framesRead + " of " + framesDeclared
                + " sample frames the header declares");
        this.framesRead = framesRead;
        this.framesDeclared = framesDeclared;
    }

    public long framesRead() {
        return framesRead;
    }

    public long framesDeclared() {
        return framesDeclared;
    }
}
