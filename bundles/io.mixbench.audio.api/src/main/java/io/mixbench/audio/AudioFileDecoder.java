package io.mixbench.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An {@link AudioDecoder} that reads a file by its path, for formats it must seek in (an external tool given the file
 * can read an MP4 whose index is at its end, which a stream cannot). When the analysis opens a file, it asks
 * {@link #accepts} as for any decoder, then calls {@link #openFile} instead of {@link AudioDecoder#open}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AudioFileDecoder extends AudioDecoder {

    /**
     * Opens the file for reading from its first sample frame; errors as in {@link AudioDecoder#open}.
     *
     * @param file the file, readable
     * @param sourceName the name used in error messages
     */
    AudioStream openFile(Path file, String sourceName) throws IOException;
}
