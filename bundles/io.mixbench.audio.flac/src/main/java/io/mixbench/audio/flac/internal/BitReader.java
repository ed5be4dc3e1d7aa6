package io.mixbench.audio.flac.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a FLAC stream bit by bit, big-endian, from one reused buffer. Keeps the bytes of the current frame (from
 * {@link #markFrameStart()}) in the buffer so the frame's CRCs can be computed in one pass at its end; the buffer
 * grows only when a frame is larger than it, up to {@link #MAX_BUFFER_BYTES}.
 */
final class BitReader {

    /** Far above any real frame (at most about 2.2 MB uncompressed), so only damaged files reach it. */
    static final int MAX_BUFFER_BYTES = 16 << 20;

    /** The data ended; converted by the stream into a truncation report. */
    static final class EndOfData extends EOFException {
        private static final long serialVersionUID = 1L;
    }

    /** A frame larger than {@link #MAX_BUFFER_BYTES}. */
    static final class FrameTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final InputStream in;
    private byte[] buf;
    /** Next byte to load into {@link #cache}. */
    private int pos;
    private int limit;
    /** Absolute file offset of {@code buf[0]}. */
    private long base;
    /** The low {@link #bits} bits are unread, most significant first. */
    private long cache;
    private int bits;
    /** Buffer index of the current frame's first byte, or -1. */
    private int mark = -1;

    BitReader(InputStream in, int bufferBytes) {
        this.in = in;
        this.buf = new byte[bufferBytes];
    }

    /** Unsigned value of the next {@code n} bits, 0 to 32 (32 bits come back as a two's-complement int). */
    int readBits(int n) throws IOException {
        if (bits < n) {
            fill();
            if (bits < n) {
                throw new EndOfData();
            }
        }
        bits -= n;
        return (int) ((cache >>> bits) & ((1L << n) - 1));
    }

    /** Unsigned value of the next {@code n} bits, 0 to 64. */
    long readLong(int n) throws IOException {
        if (n <= 32) {
            return readBits(n) & 0xFFFF_FFFFL;
        }
        long high = readBits(n - 32) & 0xFFFF_FFFFL;
        return high << 32 | (readBits(32) & 0xFFFF_FFFFL);
    }

    /** Two's-complement value of the next {@code n} bits, 1 to 64. */
    long readSigned(int n) throws IOException {
        long v = readLong(n);
        return v << (64 - n) >> (64 - n);
    }

    /** Counts zero bits up to the next one bit, which is consumed too. */
    long readUnary() throws IOException {
        long q = 0;
        while (true) {
            if (bits == 0) {
                fill();
                if (bits == 0) {
                    throw new EndOfData();
                }
            }
            long v = cache << (64 - bits);
            if (v != 0) {
                int zeros = Long.numberOfLeadingZeros(v);
                bits -= zeros + 1;
                return q + zeros;
            }
            q += bits;
            bits = 0;
        }
    }

    /**
     * Rice-coded residuals with parameter {@code k} into {@code out[from..to)}. False when one is too large to be
     * a residual, which only a damaged file has.
     */
    boolean readRice(long[] out, int from, int to, int k) throws IOException {
        long mask = (1L << k) - 1;
        long maxQuotient = 0xFFFF_FFFFL >>> k;
        for (int i = from; i < to; i++) {
            long q = 0;
            while (true) {
                if (bits == 0) {
                    fill();
                    if (bits == 0) {
                        throw new EndOfData();
                    }
                }
                long v = cache << (64 - bits);
                if (v != 0) {
                    int zeros = Long.numberOfLeadingZeros(v);
                    bits -= zeros + 1;
                    q += zeros;
                    break;
                }
                q += bits;
                bits = 0;
            }
            if (q > maxQuotient) {
                return false;
            }
            if (bits < k) {
                fill();
                if (bits < k) {
                    throw new EndOfData();
                }
            }
            bits -= k;
            long u = q << k | ((cache >>> bits) & mask);
            out[i] = (u >>> 1) ^ -(u & 1);
        }
        return true;
    }

    void alignToByte() {
        bits -= bits & 7;
    }

    /** Whether no byte is left; call only when byte-aligned. */
    boolean atEnd() throws IOException {
        if (bits > 0) {
            return false;
        }
        fill();
        return bits == 0;
    }

    /** Skips {@code n} bytes; call only when byte-aligned. */
    void skipBytes(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (bits >= 8) {
                bits -= 8;
                left--;
            } else if (pos < limit) {
                int step = (int) Math.min(left, limit - pos);
                pos += step;
                left -= step;
            } else if (!refillBuffer()) {
                throw new EndOfData();
            }
        }
    }

    /** Starts a frame at the current (byte-aligned) position. */
    void markFrameStart() {
        mark = pos - (bits >> 3);
    }

    /** CRC-8 of the frame's bytes up to the current (byte-aligned) position. */
    int crc8() {
        return Crc.crc8(buf, mark, pos - (bits >> 3));
    }

    /** CRC-16 of the frame's bytes up to the current (byte-aligned) position. */
    int crc16() {
        return Crc.crc16(buf, mark, pos - (bits >> 3));
    }

    /** Absolute offset in the file of the next unread byte. */
    long bytePosition() {
        return base + pos - (bits >> 3);
    }

    private void fill() throws IOException {
        while (bits <= 56) {
            if (pos == limit && !refillBuffer()) {
                return;
            }
            cache = cache << 8 | (buf[pos++] & 0xFF);
            bits += 8;
        }
    }

    private boolean refillBuffer() throws IOException {
        // Bytes still (partly) unread in the cache stay too: a frame may start inside them.
        int keep = mark >= 0 ? mark : Math.max(0, pos - ((bits + 7) >> 3));
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            base += keep;
            pos -= keep;
            limit -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_BUFFER_BYTES) {
                throw new FrameTooLarge();
            }
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_BUFFER_BYTES));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
