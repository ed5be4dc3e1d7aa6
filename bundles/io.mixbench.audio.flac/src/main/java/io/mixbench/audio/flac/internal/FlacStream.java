package io.mixbench.audio.flac.internal;

import io.mixbench.audio.AbstractAudioStream;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.TruncatedAudioException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The samples of a FLAC stream, decoded a frame at a time and handed out in the caller's block size. The frame
 * count STREAMINFO declares is the length: data ending before it is a truncated file, and bytes after it (an ID3v1
 * tag, padding) are not read.
 */
final class FlacStream extends AbstractAudioStream {

    private final InputStream raw;
    private final AudioFormat format;
    private final Map<String, String> metadata;
    private final BitReader in;
    private final FrameDecoder frames;
    private final int channels;
    private final long framesDeclared;
    private final float scale;
    private final long min;
    private final long max;
    private int frameLength;
    private int framePosition;
    private long framesRead;
    private boolean atEnd;

    FlacStream(InputStream raw, String source, BitReader in, FlacHeader header) {
        super(source);
        this.raw = raw;
        this.format = header.format();
        this.metadata = header.metadata();
        this.in = in;
        this.frames = new FrameDecoder(in, source, header);
        this.channels = format.channels();
        this.framesDeclared = format.frames();
        int bits = format.bitsPerSample();
        this.scale = Math.scalb(1f, 1 - bits);
        this.max = (1L << (bits - 1)) - 1;
        this.min = -(1L << (bits - 1));
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
    protected int nextRun(int maxFrames) throws IOException {
        if (framePosition == frameLength && !nextFrame()) {
            return 0;
        }
        return Math.min(maxFrames, frameLength - framePosition);
    }

    @Override
    protected void copyRun(float[][] block, int offset, int n) throws AudioDecodeException {
        convert(block, offset, n);
        framePosition += n;
        framesRead += n;
    }

    private boolean nextFrame() throws IOException {
        if (atEnd || framesDeclared >= 0 && framesRead >= framesDeclared) {
            atEnd = true;
            return false;
        }
        int n;
        try {
            n = frames.next();
        } catch (BitReader.EndOfData e) {
            if (framesDeclared >= 0) {
                throw new TruncatedAudioException(source(), framesRead, framesDeclared);
            }
            throw new AudioDecodeException(source(), "file is truncated: the data stops inside frame "
                    + frames.frames() + " (at byte " + frames.frameStart() + "), after " + framesRead
                    + " sample frames");
        } catch (BitReader.FrameTooLarge e) {
            throw new AudioDecodeException(source(), "frame " + frames.frames() + " at byte " + frames.frameStart()
                    + " is larger than " + (BitReader.MAX_BUFFER_BYTES >> 20) + " MiB; the file is damaged");
        }
        if (n < 0) {
            atEnd = true;
            if (framesDeclared >= 0 && framesRead < framesDeclared) {
                throw new TruncatedAudioException(source(), framesRead, framesDeclared);
            }
            return false;
        }
        frameLength = framesDeclared >= 0 ? (int) Math.min(n, framesDeclared - framesRead) : n;
        framePosition = 0;
        return true;
    }

    private void convert(float[][] block, int offset, int n) throws AudioDecodeException {
        float k = scale;
        for (int c = 0; c < channels; c++) {
            long[] s = frames.samples[c];
            float[] out = block[c];
            boolean outOfRange = false;
            for (int i = 0; i < n; i++) {
                long v = s[framePosition + i];
                outOfRange |= v < min | v > max;
                out[offset + i] = v * k;
            }
            if (outOfRange) {
                throw new AudioDecodeException(source(),
                        "frame " + (frames.frames() - 1) + " decodes to samples beyond "
                                + format.bitsPerSample() + " bits; the file is damaged");
            }
        }
    }

    @Override
    protected void closeInput() throws IOException {
        raw.close();
    }
}
