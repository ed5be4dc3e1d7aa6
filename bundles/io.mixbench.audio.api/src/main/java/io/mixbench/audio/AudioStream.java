package io.mixbench.audio;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * Samples of one open file, read front to back in blocks. Not thread-safe: one reader at a time.
 * Memory use is bounded by the block the caller passes, never by the file's length.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AudioStream extends Closeable {

    /** The format found in the header; never null. */
    AudioFormat format();

    /**
     * Reads the next frames into {@code block}, one array per channel (planar), samples as floats with
     * full scale = 1.0.
     *
     * @param block {@code block.length >= format().channels()}, each array at least {@code maxFrames} long
     * @param maxFrames the most frames to read, at least 1
     * @return the number of frames read, at least 1, or -1 at the regular end of the data
     * @throws TruncatedAudioException when the data ends before the length the header declares
     * @throws AudioDecodeException when the data cannot be decoded
     * @throws IOException when reading fails
     */
    int read(float[][] block, int maxFrames) throws IOException;

    /**
     * Descriptive data the file carries beside its samples, read with the header. Keys are
     * {@code <chunk>.<field>}; the standard ones are the constants of {@link AudioMetadataKeys}. Empty when the
     * format has none.
     */
    default Map<String, String> metadata() {
        return Map.of();
    }
}
