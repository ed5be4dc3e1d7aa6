package io.mixbench.audio.aiff.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.TruncatedAudioException;
import io.mixbench.audio.aiff.internal.AiffHeader.SampleType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;

/**
 * The samples of an SSND chunk. Reads whole runs of frames into one reused byte array and converts them per
 * channel in a tight loop. The COMM chunk's frame count is the length; data that ends before it, at the end of the
 * file or of the SSND chunk, is a truncated file.
 */
final class AiffStream implements AudioStream {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final float SCALE_8 = 1f / 128;
    private static final float SCALE_16 = 1f / 32768;
    private static final float SCALE_24 = 1f / 8388608;
    private static final float SCALE_32 = 1f / 2147483648f;
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_BE = MethodHandles.byteArrayViewVarHandle(float[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final String source;
    private final AudioFormat format;
    private final SampleType type;
    private final int channels;
    private final int blockAlign;
    private final long framesDeclared;
    /** Frames that can be read: the declared ones, or fewer when the SSND chunk is too small for them. */
    private final long framesAvailable;
    private final Map<String, String> metadata;
    private final byte[] buffer;
    private final int bufferFrames;
    private long framesRead;
    private boolean closed;

    AiffStream(InputStream in, String source, AiffHeader header) {
        this.in = in;
        this.source = source;
        this.format = header.format();
        this.type = header.sampleType();
        this.channels = format.channels();
        this.blockAlign = header.blockAlign();
        this.framesDeclared = format.frames();
        this.framesAvailable = Math.min(framesDeclared, header.ssndFrames());
        this.metadata = header.metadata();
        this.bufferFrames = Math.max(1, BUFFER_BYTES / blockAlign);
        this.buffer = new byte[bufferFrames * blockAlign];
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public int read(float[][] block, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": stream is closed");
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be at least 1, was " + maxFrames);
        }
        if (block.length < channels) {
            throw new IllegalArgumentException("block has " + block.length + " channels, the file " + channels);
        }
        for (int c = 0; c < channels; c++) {
            if (block[c].length < maxFrames) {
                throw new IllegalArgumentException("block channel " + c + " holds fewer than " + maxFrames
                        + " frames");
            }
        }
        long wanted = Math.min(maxFrames, framesAvailable - framesRead);
        if (wanted <= 0) {
            if (framesRead < framesDeclared) {
                throw new TruncatedAudioException(source, framesRead, framesDeclared);
            }
            return -1;
        }
        int done = 0;
        while (done < wanted) {
            int frames = (int) Math.min(bufferFrames, wanted - done);
            int bytes = frames * blockAlign;
            int got = fill(bytes);
            int whole = got / blockAlign;
            convert(block, done, whole);
            done += whole;
            framesRead += whole;
            if (got < bytes) {
                throw new TruncatedAudioException(source, framesRead, framesDeclared);
            }
        }
        return done;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }

    private int fill(int bytes) throws IOException {
        int got = 0;
        while (got < bytes) {
            int n = in.read(buffer, got, bytes - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        return got;
    }

    private void convert(float[][] block, int offset, int frames) throws AudioDecodeException {
        byte[] b = buffer;
        int stride = blockAlign;
        int end = offset + frames;
        for (int c = 0; c < channels; c++) {
            float[] out = block[c];
            int p = c * type.bytes;
            switch (type) {
                case SIGNED_8 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = b[p] * SCALE_8;
                    }
                }
                case UNSIGNED_8 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = ((b[p] & 0xFF) - 128) * SCALE_8;
                    }
                }
                case S16_BE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (short) SHORT_BE.get(b, p) * SCALE_16;
                    }
                }
                case S16_LE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (short) SHORT_LE.get(b, p) * SCALE_16;
                    }
                }
                case S24_BE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (b[p] << 16 | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF)) * SCALE_24;
                    }
                }
                case S24_LE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16) * SCALE_24;
                    }
                }
                case S32_BE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (int) INT_BE.get(b, p) * SCALE_32;
                    }
                }
                case S32_LE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (int) INT_LE.get(b, p) * SCALE_32;
                    }
                }
                case F32_BE -> {
                    // x * 0 is NaN exactly when x is NaN or infinite: one check per run, not per sample.
                    float check = 0;
                    for (int i = offset; i < end; i++, p += stride) {
                        float v = (float) FLOAT_BE.get(b, p);
                        out[i] = v;
                        check += v * 0f;
                    }
                    if (check != 0) {
                        throw nonFinite(out, c, offset, end);
                    }
                }
                case F64_BE -> {
                    float check = 0;
                    for (int i = offset; i < end; i++, p += stride) {
                        float v = (float) (double) DOUBLE_BE.get(b, p);
                        out[i] = v;
                        check += v * 0f;
                    }
                    if (check != 0) {
                        throw nonFinite(out, c, offset, end);
                    }
                }
                default -> throw new IllegalStateException(type.name());
            }
        }
    }

    private AudioDecodeException nonFinite(float[] out, int channel, int offset, int end) {
        for (int i = offset; i < end; i++) {
            if (!Float.isFinite(out[i])) {
                long sample = framesRead + (i - offset);
                String what = Float.isNaN(out[i])
                        ? "NaN"
                        : type == SampleType.F64_BE ? "infinite or beyond the float range" : "infinite";
                return new AudioDecodeException(source, String.format(Locale.ROOT,
                        "sample %d of channel %d is %s (at %.3f s)", sample, channel + 1, what,
                        (double) sample / format.sampleRateHz()));
            }
        }
        throw new IllegalStateException("no non-finite sample found");
    }
}
