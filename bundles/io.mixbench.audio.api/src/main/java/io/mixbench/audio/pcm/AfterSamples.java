package io.mixbench.audio.pcm;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a container checks once an {@link InterleavedPcmStream} has read every frame its sample chunk holds, before the
 * stream reports its end (or a truncated file): for a chunked container, that no second sample chunk follows
 * ({@link ChunkInput#requireNoSecond}), whose audio would otherwise be dropped without a word.
 */
@ConsumerType
@FunctionalInterface
public interface AfterSamples {

    /**
     * @param bytesRead bytes the stream read from the first frame on
     * @throws IOException an {@link io.mixbench.audio.AudioDecodeException} naming the file when the rest of it is
     *         wrong; other I/O errors are reported as a failing read of the file
     */
    void check(long bytesRead) throws IOException;
}
