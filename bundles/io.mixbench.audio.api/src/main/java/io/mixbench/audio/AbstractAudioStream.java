package io.mixbench.audio;

import java.io.IOException;
import java.util.Objects;

/**
 * The read loop of an {@link AudioStream} whose decoder produces samples in runs of its own length (a buffer of PCM
 * bytes, a FLAC or MP3 frame, a Vorbis packet, a pipe's output) and hands them out in the caller's block size.
 * {@link #read} checks that the stream is open and its arguments, then asks {@link #nextRun} how many frames are
 * ready and has {@link #copyRun} write them straight into the caller's block (no copy of the samples in between),
 * until the block is full or the data ends; a read that finds no frames returns {@link #endOfData()}.
 * {@link #close()} closes once.
 */
public abstract class AbstractAudioStream implements AudioStream {

    private final String source;
    /** Volatile: a decoder's helper thread (a pipe's feeder) may watch it. */
    private volatile boolean closed;

    /** @param source the file name used in error messages */
    protected AbstractAudioStream(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The file name used in error messages. */
    protected final String source() {
        return source;
    }

    /** Whether {@link #close()} has been called. */
    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final int read(float[][] block, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": stream is closed");
        }
        AudioStreams.checkReadArguments(block, maxFrames, format().channels());
        int done = 0;
        while (done < maxFrames) {
            int frames = nextRun(maxFrames - done);
            if (frames <= 0) {
                break;
            }
            copyRun(block, done, frames);
            done += frames;
        }
        return done > 0 ? done : endOfData();
    }

    /**
     * Makes frames ready to copy, decoding the next run when the current one is used up.
     *
     * @param maxFrames the most frames the caller's block still takes, at least 1
     * @return frames ready, 1 to {@code maxFrames}; 0 at the end of the data
     * @throws IOException when decoding fails or the data ends before its declared length
     */
    protected abstract int nextRun(int maxFrames) throws IOException;

    /**
     * Writes the next {@code frames} ready frames to {@code block[c][offset .. offset + frames)} for every channel
     * {@code c}, as floats with full scale 1.0, and moves past them.
     *
     * @param frames at most what {@link #nextRun} returned just before
     * @throws IOException when a sample cannot be delivered (NaN, out of range)
     */
    protected abstract void copyRun(float[][] block, int offset, int frames) throws IOException;

    /**
     * What a read that finds no frames returns: -1 at the regular end; a stream whose data must end in a certain way
     * (a declared length, a last page) throws here instead.
     */
    protected int endOfData() throws IOException {
        return -1;
    }

    /** Closes the input, the first time only. */
    @Override
    public final void close() throws IOException {
        if (!closed) {
            closed = true;
            closeInput();
        }
    }

    /** Releases what the stream reads from; called once, by {@link #close()}. */
    protected abstract void closeInput() throws IOException;
}
