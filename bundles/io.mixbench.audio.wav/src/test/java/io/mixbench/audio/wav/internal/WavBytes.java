package io.mixbench.audio.wav.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, including malformed ones. */
final class WavBytes {

    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean patchRiffSize = true;

    /** "RIFF" size "WAVE"; the size is patched by {@link #build()}. */
    static WavBytes riff() {
        return new WavBytes().ascii("RIFF").u32(0).ascii("WAVE");
    }

    static WavBytes raw() {
        WavBytes b = new WavBytes();
        b.patchRiffSize = false;
        return b;
    }

    /** A plain WAVE_FORMAT_PCM / IEEE_FLOAT fmt body with a consistent block align and byte rate. */
    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int align = channels * bits / 8;
        return fmt(tag, channels, rate, align, bits);
    }

    static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return new WavBytes().u16(tag).u16(channels).u32(rate).u32((long) rate * blockAlign).u16(blockAlign)
                .u16(bits).bytes();
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt body (40 bytes). */
    static byte[] fmtExtensible(int subFormat, int channels, int rate, int bits, int validBits, long mask) {
        int align = channels * bits / 8;
        return new WavBytes().u16(EXTENSIBLE).u16(channels).u32(rate).u32((long) rate * align).u16(align)
                .u16(bits).u16(22).u16(validBits).u32(mask).u16(subFormat).raw(0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
                        0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71)
                .bytes();
    }

    WavBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    WavBytes u8(int v) {
        out.write(v);
        return this;
    }

    WavBytes u16(int v) {
        out.write(v);
        out.write(v >> 8);
        return this;
    }

    WavBytes s24(int v) {
        out.write(v);
        out.write(v >> 8);
        out.write(v >> 16);
        return this;
    }

    WavBytes u32(long v) {
        return u16((int) v).u16((int) (v >> 16));
    }

    WavBytes u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    WavBytes f32(float v) {
        return u32(Float.floatToRawIntBits(v) & 0xFFFF_FFFFL);
    }

    WavBytes f64(double v) {
        return u64(Double.doubleToRawLongBits(v));
    }

    WavBytes raw(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    WavBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A well-formed chunk: id, size, body and the pad byte of an odd size. */
    WavBytes chunk(String id, byte[] body) {
        ascii(id).u32(body.length).bytes(body);
        if ((body.length & 1) == 1) {
            out.write(0);
        }
        return this;
    }

    /** A chunk header with any declared size; the body follows with further calls. */
    WavBytes chunkHeader(String id, long declaredSize) {
        return ascii(id).u32(declaredSize);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    byte[] build() {
        byte[] b = out.toByteArray();
        if (patchRiffSize && b.length >= 8) {
            long size = b.length - 8L;
            b[4] = (byte) size;
            b[5] = (byte) (size >> 8);
            b[6] = (byte) (size >> 16);
            b[7] = (byte) (size >> 24);
        }
        return b;
    }
}
