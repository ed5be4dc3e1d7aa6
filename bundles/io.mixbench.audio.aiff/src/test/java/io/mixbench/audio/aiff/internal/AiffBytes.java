package io.mixbench.audio.aiff.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds AIFF files byte by byte (big-endian), including malformed ones. */
final class AiffBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean patchFormSize = true;

    /** "FORM" size "AIFF"; the size is patched by {@link #build()}. */
    static AiffBytes aiff() {
        return new AiffBytes().ascii("FORM").u32(0).ascii("AIFF");
    }

    static AiffBytes aifc() {
        return new AiffBytes().ascii("FORM").u32(0).ascii("AIFC").chunk("FVER", new AiffBytes().u32(0xA2805140L)
                .bytes());
    }

    static AiffBytes raw() {
        AiffBytes b = new AiffBytes();
        b.patchFormSize = false;
        return b;
    }

    static byte[] comm(int channels, long frames, int bits, double rate) {
        return new AiffBytes().u16(channels).u32(frames).u16(bits).extended(rate).bytes();
    }

    static byte[] commC(int channels, long frames, int bits, double rate, String compression) {
        return new AiffBytes().u16(channels).u32(frames).u16(bits).extended(rate).ascii(compression).u8(3)
                .ascii("abc").bytes();
    }

    AiffBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    AiffBytes u8(int v) {
        out.write(v);
        return this;
    }

    AiffBytes u16(int v) {
        out.write(v >> 8);
        out.write(v);
        return this;
    }

    AiffBytes u32(long v) {
        u16((int) (v >> 16));
        return u16((int) v);
    }

    AiffBytes u16le(int v) {
        out.write(v);
        out.write(v >> 8);
        return this;
    }

    AiffBytes s24(int v) {
        out.write(v >> 16);
        out.write(v >> 8);
        out.write(v);
        return this;
    }

    AiffBytes f32(float v) {
        return u32(Float.floatToRawIntBits(v) & 0xFFFF_FFFFL);
    }

    AiffBytes f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        u32(bits >>> 32);
        return u32(bits & 0xFFFF_FFFFL);
    }

    /** An 80-bit extended number; exact for the rates a file carries. */
    AiffBytes extended(double v) {
        if (v == 0) {
            return u16(0).u32(0).u32(0);
        }
        int sign = v < 0 ? 0x8000 : 0;
        double magnitude = Math.abs(v);
        int exponent = Math.getExponent(magnitude);
        // The integer bit is bit 63, beyond a signed long: build 63 bits and shift once.
        long mantissa = ((long) Math.scalb(magnitude, 62 - exponent)) << 1;
        return u16(sign | (exponent + 16383)).u32(mantissa >>> 32).u32(mantissa & 0xFFFF_FFFFL);
    }

    AiffBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    AiffBytes chunk(String id, byte[] body) {
        ascii(id).u32(body.length);
        out.writeBytes(body);
        if ((body.length & 1) == 1) {
            out.write(0);
        }
        return this;
    }

    /** An SSND chunk header whose size covers {@code dataBytes} of samples after offset and block size 0. */
    AiffBytes ssndHeader(long dataBytes) {
        return ascii("SSND").u32(dataBytes + 8).u32(0).u32(0);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    byte[] build() {
        byte[] b = out.toByteArray();
        if (patchFormSize) {
            long size = b.length - 8;
            b[4] = (byte) (size >> 24);
            b[5] = (byte) (size >> 16);
            b[6] = (byte) (size >> 8);
            b[7] = (byte) size;
        }
        return b;
    }
}
