package io.mixbench.audio.pcm;

import io.mixbench.audio.AbstractAudioStream;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.TruncatedAudioException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The samples of interleaved PCM frames, read from an input positioned at the first frame. Reads whole runs of frames
 * into one reused byte array and converts them per channel in a tight loop, to floats with full scale 1.0 (integers
 * divided by 2^(bits - 1)). Errors name the source: a file that ends before its declared frames is a
 * {@link TruncatedAudioException}, a NaN or infinite float sample and a failing read are
 * {@link AudioDecodeException}s. A partial frame at the end is never delivered.
 */
public final class InterleavedPcmStream extends AbstractAudioStream {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final float SCALE_8 = 1f / 128;
    private static final float SCALE_16 = 1f / 32768;
    private static final float SCALE_24 = 1f / 8388608;
    private static final float SCALE_32 = 1f / 2147483648f;
    private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT_LE = view(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_BE = view(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE_LE = view(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = view(double[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final AudioFormat format;
    private final Map<String, String> metadata;
    private final PcmEncoding encoding;
    private final int channels;
    private final int bytesPerFrame;
    /** Frames the container declares ({@code format.frames()}), or -1 when the samples run to the end of the input. */
    private final long framesDeclared;
    /** Frames the container holds: the declared ones, or fewer when its data is too short for them. */
    private final long framesAvailable;
    private final byte[] buffer;
    private final int bufferFrames;
    /** Checks the rest of the container after the frames; null for none. */
    private final AfterSamples afterSamples;
    private boolean afterSamplesChecked;
    private long framesRead;
    private boolean atEnd;
    /** The frames of the last run are the last the data holds, fewer than its declared length. */
    private boolean truncatedAfterRun;

    /**
     * @param in the input, positioned at the first frame; closed with this stream
     * @param source the file name used in error messages
     * @param format the format; {@code frames()} is the declared frame count, or -1 to read to the end of the input
     * @param metadata the container's metadata ({@link AudioStream#metadata()})
     * @param encoding how each sample is stored
     * @param bytesPerFrame bytes from one frame to the next: at least {@code channels x encoding.bytes()}; sample c of
     *        a frame starts at byte {@code c x encoding.bytes()}
     * @param framesAvailable frames the container's data holds when fewer than declared (reading past them is a
     *        truncated file), else the declared count; ignored when the count is unknown
     */
    public InterleavedPcmStream(InputStream in, String source, AudioFormat format, Map<String, String> metadata,
            PcmEncoding encoding, int bytesPerFrame, long framesAvailable) {
        this(in, source, format, metadata, encoding, bytesPerFrame, framesAvailable, null);
    }

    /**
     * As {@link #InterleavedPcmStream(InputStream, String, AudioFormat, Map, PcmEncoding, int, long)}, and when a
     * declared length's available frames are read, {@code afterSamples} checks the rest of the container (once, before
     * the end or a truncated file is reported). Not called when the samples run to the end of the input.
     *
     * @param afterSamples the check, or null for none
     */
    public InterleavedPcmStream(InputStream in, String source, AudioFormat format, Map<String, String> metadata,
            PcmEncoding encoding, int bytesPerFrame, long framesAvailable, AfterSamples afterSamples) {
        super(source);
        this.afterSamples = afterSamples;
        this.in = Objects.requireNonNull(in, "in");
        this.format = Objects.requireNonNull(format, "format");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.channels = format.channels();
        if (bytesPerFrame < channels * encoding.bytes()) {
            throw new IllegalArgumentException(bytesPerFrame + " bytes cannot hold a frame of " + channels + " "
                    + encoding + " samples");
        }
        this.bytesPerFrame = bytesPerFrame;
        this.framesDeclared = format.frames();
        this.framesAvailable = framesDeclared < 0 ? -1 : Math.min(framesDeclared, Math.max(0, framesAvailable));
        this.bufferFrames = Math.max(1, BUFFER_BYTES / bytesPerFrame);
        this.buffer = new byte[bufferFrames * bytesPerFrame];
    }

    private static VarHandle view(Class<?> arrayType, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, order);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Reads up to a buffer of whole frames; they are converted by {@link #copyRun}. */
    @Override
    protected int nextRun(int maxFrames) throws IOException {
        if (truncatedAfterRun) {
            throw new TruncatedAudioException(source(), framesRead, framesDeclared);
        }
        long wanted = maxFrames;
        if (framesDeclared >= 0) {
            wanted = Math.min(wanted, framesAvailable - framesRead);
        }
        if (atEnd || wanted <= 0) {
            return 0;
        }
        int frames = (int) Math.min(bufferFrames, wanted);
        int bytes = frames * bytesPerFrame;
        int got = fill(bytes);
        int whole = got / bytesPerFrame;
        if (got < bytes) {
            if (framesDeclared >= 0) {
                if (whole == 0) {
                    throw new TruncatedAudioException(source(), framesRead, framesDeclared);
                }
                // Delivered (and checked) first, as far as the block goes; the next run reports the truncation.
                truncatedAfterRun = true;
            } else {
                // Length unknown: the end of the input ends the data; a partial last frame is dropped.
                atEnd = true;
            }
        }
        return whole;
    }

    @Override
    protected void copyRun(float[][] block, int offset, int frames) throws AudioDecodeException {
        convert(block, offset, frames);
        framesRead += frames;
    }

    /** Checks the rest of the container, once, and that the declared frames were all there. */
    @Override
    protected int endOfData() throws IOException {
        if (framesDeclared >= 0 && !afterSamplesChecked) {
            afterSamplesChecked = true;
            checkAfterSamples();
        }
        if (framesDeclared >= 0 && framesRead < framesDeclared) {
            throw new TruncatedAudioException(source(), framesRead, framesDeclared);
        }
        return -1;
    }

    /** Frames delivered so far. */
    public long framesRead() {
        return framesRead;
    }

    @Override
    protected void closeInput() throws IOException {
        in.close();
    }

    private void checkAfterSamples() throws IOException {
        if (afterSamples == null) {
            return;
        }
        try {
            afterSamples.check(framesRead * bytesPerFrame);
        } catch (AudioDecodeException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioDecodeException(source(), "reading after the samples failed: " + e.getMessage(), e);
        }
    }

    private int fill(int bytes) throws IOException {
        int got = 0;
        try {
            while (got < bytes) {
                int n = in.read(buffer, got, bytes - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (AudioDecodeException e) {
            throw e;
        } catch (IOException e) {
            // An I/O error names neither the file nor where it happened; the report needs both.
            throw new AudioDecodeException(source(), "reading failed after " + (framesRead + got / bytesPerFrame)
                    + " sample frames: " + e.getMessage(), e);
        }
        return got;
    }

    private void convert(float[][] block, int offset, int frames) throws AudioDecodeException {
        byte[] b = buffer;
        int stride = bytesPerFrame;
        int end = offset + frames;
        for (int c = 0; c < channels; c++) {
            float[] out = block[c];
            int p = c * encoding.bytes();
            switch (encoding) {
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
                case SIGNED_16_LE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (short) SHORT_LE.get(b, p) * SCALE_16;
                    }
                }
                case SIGNED_16_BE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (short) SHORT_BE.get(b, p) * SCALE_16;
                    }
                }
                case SIGNED_24_LE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16) * SCALE_24;
                    }
                }
                case SIGNED_24_BE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (b[p] << 16 | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF)) * SCALE_24;
                    }
                }
                case SIGNED_32_LE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (int) INT_LE.get(b, p) * SCALE_32;
                    }
                }
                case SIGNED_32_BE -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (int) INT_BE.get(b, p) * SCALE_32;
                    }
                }
                // The byte-array views must be constants for the JIT: one loop per byte order. x * 0 is NaN exactly
                // when x is NaN or infinite: one check per run, not per sample.
                case FLOAT_32_LE -> {
                    float check = 0;
                    for (int i = offset; i < end; i++, p += stride) {
                        float v = (float) FLOAT_LE.get(b, p);
                        out[i] = v;
                        check += v * 0f;
                    }
                    checkFinite(check, out, c, offset, end);
                }
                case FLOAT_32_BE -> {
                    float check = 0;
                    for (int i = offset; i < end; i++, p += stride) {
                        float v = (float) FLOAT_BE.get(b, p);
                        out[i] = v;
                        check += v * 0f;
                    }
                    checkFinite(check, out, c, offset, end);
                }
                case FLOAT_64_LE -> {
                    float check = 0;
                    for (int i = offset; i < end; i++, p += stride) {
                        float v = (float) (double) DOUBLE_LE.get(b, p);
                        out[i] = v;
                        check += v * 0f;
                    }
                    checkFinite(check, out, c, offset, end);
                }
                case FLOAT_64_BE -> {
                    float check = 0;
                    for (int i = offset; i < end; i++, p += stride) {
                        float v = (float) (double) DOUBLE_BE.get(b, p);
                        out[i] = v;
                        check += v * 0f;
                    }
                    checkFinite(check, out, c, offset, end);
                }
                default -> throw new IllegalStateException(encoding.name());
            }
        }
    }

    /** Throws, naming the first, when a run's check sum shows a NaN or infinite sample. */
    private void checkFinite(float check, float[] out, int channel, int offset, int end) throws AudioDecodeException {
        if (check != 0) {
            throw nonFinite(out, channel, offset, end);
        }
    }

    private AudioDecodeException nonFinite(float[] out, int channel, int offset, int end) {
        for (int i = offset; i < end; i++) {
            if (!Float.isFinite(out[i])) {
                long sample = framesRead + (i - offset);
                String what = Float.isNaN(out[i])
                        ? "NaN"
                        : encoding == PcmEncoding.FLOAT_64_LE || encoding == PcmEncoding.FLOAT_64_BE
                                ? "infinite or beyond the float range"
                                : "infinite";
                return new AudioDecodeException(source(), String.format(Locale.ROOT,
                        "sample %d of channel %d is %s (at %.3f s)", sample, channel + 1, what,
                        (double) sample / format.sampleRateHz()));
            }
        }
        throw new IllegalStateException("no non-finite sample found");
    }
}
