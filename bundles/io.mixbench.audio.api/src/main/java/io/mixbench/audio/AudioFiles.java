package io.mixbench.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens audio files the way the analysis does: with the first installed {@link AudioDecoder} that recognises the
 * file's content (never by its name alone), refusing what is not a regular file. An OSGi service for whatever reads a
 * session's audio outside an analysis (rendering a plan).
 *
 * @since 1.3
 */
@org.osgi.annotation.versioning.ProviderType
public interface AudioFiles {

    /**
     * Opens the file for reading.
     *
     * @throws AudioDecodeException naming the file when it is missing, a folder, not a regular file, unreadable, empty
     *             or of no known format
     * @throws IOException when reading fails
     */
    AudioStream open(Path file) throws IOException;
}
