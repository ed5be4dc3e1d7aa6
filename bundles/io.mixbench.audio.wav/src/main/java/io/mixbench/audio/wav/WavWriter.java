package io.mixbench.audio.wav;

import io.mixbench.files.AtomicFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a WAV file from planar float samples (full scale = 1.0). Integer encodings are rounded to the nearest
 * step and clipped to full scale, without dither, so the same input always gives the same bytes.
 * <p>
 * The samples go to a temporary file in the target's folder ({@link AtomicFiles#open}); {@link #close()} patches
 * the header sizes and moves the file to its name atomically, so a crash or a failed {@link #write} never leaves a
 * partial file under the final name; {@link #discard()} abandons it. 16-bit and float files with one or two channels use the plain WAVE_FORMAT_PCM / IEEE_FLOAT header;
 * 24- and 32-bit integers and more than two channels use WAVE_FORMAT_EXTENSIBLE with the usual channel mask
 * (mono: centre; stereo: L R; 6 channels: 5.1 L R C LFE Ls Rs; 8: 7.1), as sox and DAWs do.
 * Not thread-safe.
 */
public final class WavWriter implements Closeable {

    /** The largest sample rate written, in Hz (what the decoder accepts). */
    public static final int MAX_SAMPLE_RATE_HZ = 768_000;
    /** The most channels written (what the decoder accepts). */
    public static final int MAX_CHANNELS = 32;

    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** KSDATAFORMAT_SUBTYPE_* GUID after its first two bytes (the format code). */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final AtomicFiles.PendingFile pending;
    private final FileChannel channel;
    private final int channels;
    private final WavEncoding encoding;
    private final int blockAlign;
    private final int headerBytes;
    private final int dataSizeOffset;
    private final int factOffset;
    private final byte[] buffer;
    private final ByteBuffer bufferView;
    private final int bufferFrames;
    private long framesWritten;
    private boolean failed;
    private boolean closed;

    private WavWriter(Path file, AtomicFiles.PendingFile pending, int sampleRateHz, int channels,
            WavEncoding encoding) throws IOException {
        this.file = file;
        this.pending = pending;
        this.channel = pending.channel();
        this.channels = channels;
        this.encoding = encoding;
        this.blockAlign = channels * encoding.bytesPerSample();
        boolean extensible = channels > 2 || (!encoding.isFloatingPoint() && encoding.bitsPerSample() > 16);
        int fmtSize = extensible ? 40 : encoding.isFloatingPoint() ? 18 : 16;
        boolean fact = encoding.isFloatingPoint();
        this.factOffset = fact ? 12 + 8 + fmtSize + 8 : -1;
        this.dataSizeOffset = 12 + 8 + fmtSize + (fact ? 12 : 0) + 4;
        this.headerBytes = dataSizeOffset + 4;
        this.bufferFrames = Math.max(1, BUFFER_BYTES / blockAlign);
        this.buffer = new byte[bufferFrames * blockAlign];
        this.bufferView = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);

        ByteBuffer h = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(fmtSize);
        int tag = extensible
                ? WAVE_FORMAT_EXTENSIBLE
                : encoding.isFloatingPoint() ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;
        h.putShort((short) tag).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * blockAlign).putShort((short) blockAlign)
                .putShort((short) encoding.bitsPerSample());
        if (extensible) {
            h.putShort((short) 22).putShort((short) encoding.bitsPerSample()).putInt(channelMask(channels));
            h.putShort((short) (encoding.isFloatingPoint() ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM));
            h.put(GUID_TAIL);
        } else if (fmtSize == 18) {
            h.putShort((short) 0);
        }
        if (fact) {
            h.put(ascii("fact")).putInt(4).putInt(0);
        }
        h.put(ascii("data")).putInt(0);
        h.flip();
        writeFully(h, 0);
    }

    /**
     * Starts a WAV file. Nothing appears under {@code file} until {@link #close()}.
     *
     * @param file where the finished file goes; an existing file there is replaced on close
     * @param sampleRateHz 1 to {@value #MAX_SAMPLE_RATE_HZ} Hz
     * @param channels 1 to {@value #MAX_CHANNELS}
     * @param encoding how samples are stored
     * @throws IOException when the temporary file cannot be created
     */
    public static WavWriter create(Path file, int sampleRateHz, int channels, WavEncoding encoding)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(encoding, "encoding");
        if (sampleRateHz < 1 || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException("sample rate must be 1.." + MAX_SAMPLE_RATE_HZ + " Hz, was "
                    + sampleRateHz);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + MAX_CHANNELS + ", was " + channels);
        }
        Path target = file.toAbsolutePath();
        AtomicFiles.PendingFile pending = AtomicFiles.open(target);
        try {
            return new WavWriter(target, pending, sampleRateHz, channels, encoding);
        } catch (IOException | RuntimeException e) {
            pending.close();
            throw e;
        }
    }

    /**
     * Writes a whole file in one call: {@code planar.length} channels of {@code planar[0].length} frames.
     *
     * @throws IllegalArgumentException when the channels differ in length, or an integer encoding gets a NaN
     */
    public static void write(Path file, int sampleRateHz, WavEncoding encoding, float[][] planar)
            throws IOException {
        if (planar.length == 0) {
            throw new IllegalArgumentException("at least one channel is needed");
        }
        int frames = planar[0].length;
        for (float[] samples : planar) {
            if (samples.length != frames) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
        }
        try (WavWriter writer = create(file, sampleRateHz, planar.length, encoding)) {
            writer.write(planar, frames);
        }
    }

    /**
     * Appends {@code frames} frames. After an exception the writer is failed: {@link #close()} then deletes the
     * temporary file and leaves the target untouched.
     *
     * @param planar one array per channel, each at least {@code frames} long, full scale = 1.0
     * @throws IllegalArgumentException for a NaN sample with an integer encoding, or arrays of the wrong shape
     * @throws IOException when writing fails, or the file would exceed the 4 GiB a RIFF file can hold
     */
    public void write(float[][] planar, int frames) throws IOException {
        if (closed) {
            throw new IOException(file + ": writer is closed");
        }
        boolean ok = false;
        try {
            checkShape(planar, frames);
            long bytes = (long) frames * blockAlign;
            if (headerBytes + (framesWritten * blockAlign) + bytes + 1 - 8 > MAX_RIFF_SIZE) {
                throw new IOException(file + ": a WAV file cannot hold more than 4 GiB of samples");
            }
            for (int done = 0; done < frames;) {
                int n = Math.min(bufferFrames, frames - done);
                encode(planar, done, n);
                ByteBuffer view = ByteBuffer.wrap(buffer, 0, n * blockAlign);
                writeFully(view, headerBytes + framesWritten * blockAlign);
                framesWritten += n;
                done += n;
            }
            ok = true;
        } finally {
            failed |= !ok;
        }
    }

    /** Frames written so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /**
     * Finishes the header and moves the file into place; after a failed {@link #write} it deletes the temporary
     * file instead. Closing twice does nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (pending) {
            if (failed) {
                return; // closing the pending file deletes it
            }
            long dataBytes = framesWritten * blockAlign;
            long end = headerBytes + dataBytes;
            if ((dataBytes & 1) != 0) {
                // RIFF chunks are padded to an even size.
                writeFully(ByteBuffer.wrap(new byte[1]), end);
                end++;
            }
            ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            writeFully(word.putInt(0, (int) (end - 8)).rewind(), 4);
            writeFully(word.putInt(0, (int) dataBytes).rewind(), dataSizeOffset);
            if (factOffset >= 0) {
                // fact holds a 32-bit frame count; saturate rather than wrap.
                writeFully(word.putInt(0, (int) Math.min(framesWritten, MAX_RIFF_SIZE)).rewind(), factOffset);
            }
            pending.commit();
        }
    }

    /**
     * Abandons the file: deletes the temporary file and leaves the target as it was, as a cancelled render must.
     * Does nothing after {@link #close()} or a first discard; closing afterwards does nothing.
     *
     * @since 1.1
     */
    public void discard() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        pending.close(); // uncommitted: deletes the temporary file
    }

    private void checkShape(float[][] planar, int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative, was " + frames);
        }
        if (planar.length < channels) {
            throw new IllegalArgumentException("expected " + channels + " channels, got " + planar.length);
        }
        for (int c = 0; c < channels; c++) {
            if (planar[c].length < frames) {
                throw new IllegalArgumentException("channel " + (c + 1) + " has " + planar[c].length
                        + " samples, fewer than " + frames + " frames");
            }
        }
    }

    private void encode(float[][] planar, int from, int frames) {
        int bytesPerSample = encoding.bytesPerSample();
        long base = framesWritten - from; // frame number in the file of planar index 0, for messages
        for (int c = 0; c < channels; c++) {
            float[] in = planar[c];
            int p = c * bytesPerSample;
            switch (encoding) {
                case PCM_16 -> {
                    for (int i = from; i < from + frames; i++, p += blockAlign) {
                        bufferView.putShort(p, (short) quantize(in[i], 32768.0, base + i, c));
                    }
                }
                case PCM_24 -> {
                    for (int i = from; i < from + frames; i++, p += blockAlign) {
                        int v = quantize(in[i], 8388608.0, base + i, c);
                        buffer[p] = (byte) v;
                        buffer[p + 1] = (byte) (v >> 8);
                        buffer[p + 2] = (byte) (v >> 16);
                    }
                }
                case PCM_32 -> {
                    for (int i = from; i < from + frames; i++, p += blockAlign) {
                        bufferView.putInt(p, quantize(in[i], 2147483648.0, base + i, c));
                    }
                }
                case FLOAT_32 -> {
                    for (int i = from; i < from + frames; i++, p += blockAlign) {
                        bufferView.putFloat(p, in[i]);
                    }
                }
                default -> throw new IllegalStateException(encoding.name());
            }
        }
    }

    /** Rounds {@code x * fullScale} to the nearest integer (ties up) and clips it to the integer range. */
    private int quantize(float x, double fullScale, long frame, int channel) {
        if (Float.isNaN(x)) {
            throw new IllegalArgumentException("sample " + frame + " of channel " + (channel + 1)
                    + " is NaN, which " + encoding + " cannot store");
        }
        double v = Math.floor(x * fullScale + 0.5);
        if (v >= fullScale) {
            return (int) (fullScale - 1);
        }
        if (v < -fullScale) {
            return (int) -fullScale;
        }
        return (int) v;
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private static int channelMask(int channels) {
        return switch (channels) {
            case 1 -> 0x4; // front centre
            case 2 -> 0x3; // front left, front right
            case 3 -> 0x7; // L R C
            case 4 -> 0x33; // quad: L R, back L R
            case 5 -> 0x607; // L R C, side L R
            case 6 -> 0x3F; // 5.1: L R C LFE, back L R
            case 7 -> 0x70F; // 6.1: L R C LFE, back centre, side L R
            case 8 -> 0x63F; // 7.1: L R C LFE, back L R, side L R
            default -> 0; // no speaker positions
        };
    }

    private static byte[] ascii(String id) {
        return id.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
