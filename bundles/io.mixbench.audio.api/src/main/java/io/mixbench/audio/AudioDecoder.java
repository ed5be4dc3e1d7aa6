package io.mixbench.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes one family of file formats. Registered as an OSGi service; the analysis asks every decoder
 * whether it {@link #accepts} a file's first bytes and opens the file with the first that does (highest
 * {@code service.ranking} first), so a file is recognised by its content, not by its name.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AudioDecoder {

    /** How many leading bytes of a file {@link #accepts} gets (fewer when the file is shorter). */
    int PROBE_BYTES = 64;

    /** Service property: a short name of the formats decoded, e.g. {@code "wav"}. Type: String. */
    String FORMAT = "audio.format";

    /** A short human name of the formats this decoder reads, e.g. "WAV / BWF". */
    String formatName();

    /**
     * Whether this decoder recognises the content.
     *
     * @param header the file's first {@link #PROBE_BYTES} bytes or fewer; never null
     * @param fileName the file's name, only as a hint
     */
    boolean accepts(byte[] header, String fileName);

    /**
     * Opens a stream and reads the header. The decoder owns {@code in} from here on and closes it when the
     * returned stream is closed, or before throwing.
     *
     * @param in the file's bytes from the start; the caller buffers it
     * @param sourceName the file's name or path, used in error messages
     * @throws AudioDecodeException when the header is malformed or the format is not supported
     * @throws IOException when reading fails
     */
    AudioStream open(InputStream in, String sourceName) throws IOException;
}
