package io.mixbench.audio.pcm;

import io.mixbench.audio.AudioDecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The header of a chunked container (RIFF/WAVE, RF64, IFF/AIFF) read in order: counts the bytes read, reads a chunk's
 * first bytes, and skips the rest of a chunk and its pad byte by reading it (a skip could pass the end of the file
 * unnoticed). When the file ends inside a chunk the error names the file, the chunk, where it starts and
 * the size it declares. Not for concurrent use; the caller owns the stream.
 */
@ProviderType
public final class ChunkInput {

    private final InputStream in;
    private final String source;
    /** What skips read into. */
    private final byte[] skipped = new byte[4096];
    private long position;

    /**
     * @param in the container's bytes from its first one
     * @param source the file's name, for errors
     */
    public ChunkInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Bytes read (or skipped) so far: the offset of the next byte in the file. */
    public long position() {
        return position;
    }

    /**
     * Reads up to {@code n} bytes into {@code into}, from index 0; fewer only where the file ends.
     *
     * @return the bytes read
     */
    public int read(byte[] into, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(into, got, n - got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        position += got;
        return got;
    }

    /**
     * Reads the next {@code n} bytes of a chunk's body into {@code into}, from index 0.
     *
     * @param id the chunk's id, size its declared size and chunkAt the offset of its header, for the error
     * @throws AudioDecodeException when the file ends first
     */
    public void readChunkBytes(String id, long size, byte[] into, int n, long chunkAt) throws IOException {
        if (read(into, n) < n) {
            throw runsPastEnd(id, size, chunkAt);
        }
    }

    /**
     * Skips what is left of a chunk after its first {@code consumed} bytes, and the pad byte after an odd size. Only
     * a missing pad byte at the very end of the file is forgiven: some writers leave it out.
     */
    public void skipRest(String id, long size, long consumed, long chunkAt) throws IOException {
        long left = size - consumed + (size & 1);
        while (left > 0) {
            int n = in.read(skipped, 0, (int) Math.min(left, skipped.length));
            if (n < 0) {
                if (left == 1 && (size & 1) == 1) {
                    return;
                }
                throw runsPastEnd(id, size, chunkAt);
            }
            position += n;
            left -= n;
        }
    }

    /** Skips {@code n} bytes inside a chunk (no pad byte): e.g. to an offset the chunk declares. */
    public void skipBytes(String id, long size, long n, long chunkAt) throws IOException {
        if (!skipToEnd(n)) {
            throw runsPastEnd(id, size, chunkAt);
        }
    }

    /**
     * After the samples, which the caller read from the input itself: skips the rest of the sample chunk and walks the
     * chunks after it to the end of the file. Another chunk named {@code id} is an error naming both offsets, as its
     * samples would otherwise be dropped. Nothing else after the samples is used, so the walk forgives what the header
     * would not: bytes that are no whole chunk header end it, and so does a chunk that runs past the end.
     *
     * @param id the sample chunk's id ("data", "SSND")
     * @param size its size in bytes
     * @param chunkAt the offset of its header
     * @param bytesRead bytes of it read since {@link #position()} (the samples)
     * @param sizeOrder the byte order of chunk sizes: little-endian for RIFF, big-endian for IFF
     * @throws AudioDecodeException when another chunk named {@code id} follows
     */
    public void requireNoSecond(String id, long size, long chunkAt, long bytesRead, ByteOrder sizeOrder)
            throws IOException {
        position += bytesRead;
        if (!skipToEnd(size + (size & 1) - (position - chunkAt - 8))) {
            return;
        }
        byte[] header = new byte[8];
        while (true) {
            long at = position;
            if (read(header, 8) < 8) {
                return;
            }
            String next = id(header, 0);
            if (next.equals(id)) {
                throw fail("two \"" + printable(id) + "\" chunks, at bytes " + chunkAt + " and " + at
                        + ": Mixbench reads a file's first one only and would drop the audio of the second");
            }
            long nextSize = ByteBuffer.wrap(header, 4, 4).order(sizeOrder).getInt() & 0xFFFF_FFFFL;
            if (!skipToEnd(nextSize + (nextSize & 1))) {
                return;
            }
        }
    }

    /** Skips {@code n} bytes; false when the file ends first. */
    private boolean skipToEnd(long n) throws IOException {
        long left = n;
        while (left > 0) {
            int r = in.read(skipped, 0, (int) Math.min(left, skipped.length));
            if (r < 0) {
                return false;
            }
            position += r;
            left -= r;
        }
        return true;
    }

    /** An error about this file. */
    public AudioDecodeException fail(String problem) {
        return new AudioDecodeException(source, problem);
    }

    /** "the "data" chunk at byte 36 declares 88200 bytes, but the file ends after 1044 bytes". */
    public AudioDecodeException runsPastEnd(String id, long size, long chunkAt) {
        return fail("the \"" + printable(id) + "\" chunk at byte " + chunkAt + " declares " + size
                + " bytes, but the file ends after " + position + " bytes");
    }

    /** The four-character code at {@code b[at]}. */
    public static String id(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** A chunk id fit for a message: printable ASCII as it is, other characters as \xNN. */
    public static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            }
        }
        return sb.toString();
    }
}
