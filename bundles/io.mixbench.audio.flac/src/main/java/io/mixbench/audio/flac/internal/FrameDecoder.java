package io.mixbench.audio.flac.internal;

import io.mixbench.audio.AudioDecodeException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes FLAC frames (RFC 9639) one at a time into reused sample arrays: frame header with its CRC-8, constant,
 * verbatim, fixed and LPC subframes with wasted bits, Rice and escaped residual partitions, the three stereo
 * decorrelation modes, and the frame's CRC-16. Everything the header says is checked against STREAMINFO.
 */
final class FrameDecoder {

    private static final int[] SAMPLE_RATES_HZ = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000,
            32_000, 44_100, 48_000, 96_000};
    private static final int[] SAMPLE_BITS = {0, 8, 12, -1, 16, 20, 24, 32};
    private static final int INDEPENDENT_MAX = 7;
    private static final int LEFT_SIDE = 8;
    private static final int SIDE_RIGHT = 9;
    private static final int MID_SIDE = 10;

    private final BitReader in;
    private final String source;
    private final int channels;
    private final int bits;
    private final int rate;
    private final int maxBlock;
    /** Decoded samples of the current frame, per channel. */
    final long[][] samples;
    private final long[] coefficients = new long[32];
    private long frames;
    private long samplesDecoded;
    private int strategy = -1;
    private long frameStart;

    FrameDecoder(BitReader in, String source, FlacHeader header) {
        this.in = in;
        this.source = source;
        this.channels = header.format().channels();
        this.bits = header.format().bitsPerSample();
        this.rate = header.format().sampleRateHz();
        this.maxBlock = header.maxBlockSize();
        this.samples = new long[channels][maxBlock];
    }

    /** Frames decoded so far. */
    long frames() {
        return frames;
    }

    /** Byte offset of the frame being decoded, for messages. */
    long frameStart() {
        return frameStart;
    }

    /**
     * Decodes the next frame.
     *
     * @return its block size in samples per channel, or -1 when the data ends exactly before a frame
     * @throws BitReader.EndOfData when the data ends inside the frame
     */
    int next() throws IOException {
        if (in.atEnd()) {
            return -1;
        }
        frameStart = in.bytePosition();
        in.markFrameStart();
        int sync = in.readBits(16);
        if ((sync >>> 2) != 0x3FFE) {
            throw damaged("no frame sync code");
        }
        if ((sync & 2) != 0) {
            throw damaged("a reserved header bit is set");
        }
        int blocking = sync & 1;
        if (strategy >= 0 && blocking != strategy) {
            throw damaged("the blocking strategy changes between frames");
        }
        strategy = blocking;
        int b = in.readBits(8);
        int sizeCode = b >>> 4;
        int rateCode = b & 15;
        b = in.readBits(8);
        int assignment = b >>> 4;
        int bitsCode = (b >>> 1) & 7;
        if ((b & 1) != 0) {
            throw damaged("a reserved header bit is set");
        }
        long number = readUtf8Number();
        int blockSize = switch (sizeCode) {
            case 0 -> throw damaged("the block size code is reserved");
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (sizeCode - 2);
            case 6 -> in.readBits(8) + 1;
            case 7 -> in.readBits(16) + 1;
            default -> 256 << (sizeCode - 8);
        };
        int frameRate = switch (rateCode) {
            case 0 -> rate;
            case 12 -> in.readBits(8) * 1000;
            case 13 -> in.readBits(16);
            case 14 -> in.readBits(16) * 10;
            case 15 -> throw damaged("the sample rate code is invalid");
            default -> SAMPLE_RATES_HZ[rateCode];
        };
        int crc8 = in.crc8();
        if (in.readBits(8) != crc8) {
            throw damaged("the frame header's CRC-8 does not match");
        }
        int frameBits = bitsCode == 0 ? bits : SAMPLE_BITS[bitsCode];
        if (frameBits < 0) {
            throw damaged("the sample size code is reserved");
        }
        if (assignment > MID_SIDE) {
            throw damaged("the channel assignment " + assignment + " is reserved");
        }
        int frameChannels = assignment <= INDEPENDENT_MAX ? assignment + 1 : 2;
        if (frameChannels != channels || frameBits != bits || frameRate != rate) {
            throw damaged("the frame header (" + frameChannels + " channels, " + frameBits + "-bit, " + frameRate
                    + " Hz) contradicts STREAMINFO (" + channels + " channels, " + bits + "-bit, " + rate + " Hz)");
        }
        if (blockSize > maxBlock) {
            throw damaged("the block size " + blockSize + " exceeds STREAMINFO's maximum of " + maxBlock);
        }
        long expected = blocking == 0 ? frames : samplesDecoded;
        if (number != expected) {
            throw damaged("the frame is out of sequence: its header says " + (blocking == 0 ? "frame " : "sample ")
                    + number + ", " + expected + " was next (data is missing or damaged)");
        }
        for (int c = 0; c < channels; c++) {
            boolean side = (assignment == LEFT_SIDE || assignment == MID_SIDE) && c == 1
                    || assignment == SIDE_RIGHT && c == 0;
            subframe(samples[c], blockSize, bits + (side ? 1 : 0));
        }
        in.alignToByte();
        int crc16 = in.crc16();
        if (in.readBits(16) != crc16) {
            throw damaged("the frame's CRC-16 does not match");
        }
        decorrelate(assignment, blockSize);
        frames++;
        samplesDecoded += blockSize;
        return blockSize;
    }

    /** The frame or sample number, coded like UTF-8 with up to 7 bytes (36 bits). */
    private long readUtf8Number() throws IOException {
        int first = in.readBits(8);
        if (first < 0x80) {
            return first;
        }
        int length = Integer.numberOfLeadingZeros(~first << 24);
        if (length < 2 || length > 7) {
            throw damaged("the frame number is not validly coded");
        }
        long value = first & (0x7F >>> length);
        for (int i = 1; i < length; i++) {
            int next = in.readBits(8);
            if ((next & 0xC0) != 0x80) {
                throw damaged("the frame number is not validly coded");
            }
            value = value << 6 | (next & 0x3F);
        }
        return value;
    }

    private void subframe(long[] out, int n, int sampleBits) throws IOException {
        int header = in.readBits(8);
        if ((header & 0x80) != 0) {
            throw damaged("a subframe's padding bit is set");
        }
        int type = (header >>> 1) & 0x3F;
        int wasted = 0;
        if ((header & 1) != 0) {
            long count = in.readUnary() + 1;
            if (count >= sampleBits) {
                throw damaged("a subframe declares " + count + " wasted bits of " + sampleBits);
            }
            wasted = (int) count;
        }
        int width = sampleBits - wasted;
        if (type == 0) {
            long v = in.readSigned(width);
            Arrays.fill(out, 0, n, v);
        } else if (type == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = in.readSigned(width);
            }
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            warmUp(out, n, order, width);
            residual(out, n, order);
            restoreFixed(out, n, order);
        } else if (type >= 32) {
            int order = type - 31;
            warmUp(out, n, order, width);
            int precision = in.readBits(4) + 1;
            if (precision == 16) {
                throw damaged("an LPC subframe's coefficient precision is invalid");
            }
            int shift = (int) in.readSigned(5);
            if (shift < 0) {
                throw damaged("an LPC subframe has a negative shift");
            }
            for (int j = 0; j < order; j++) {
                coefficients[j] = in.readSigned(precision);
            }
            residual(out, n, order);
            restoreLpc(out, n, order, shift);
        } else {
            throw damaged("subframe type " + type + " is reserved");
        }
        if (wasted > 0) {
            for (int i = 0; i < n; i++) {
                out[i] <<= wasted;
            }
        }
    }

    private void warmUp(long[] out, int n, int order, int width) throws IOException {
        if (order > n) {
            throw damaged("a subframe's predictor order " + order + " exceeds the block size " + n);
        }
        for (int i = 0; i < order; i++) {
            out[i] = in.readSigned(width);
        }
    }

    private void residual(long[] out, int n, int order) throws IOException {
        int method = in.readBits(2);
        if (method > 1) {
            throw damaged("the residual coding method " + method + " is reserved");
        }
        int parameterBits = method == 0 ? 4 : 5;
        int escape = (1 << parameterBits) - 1;
        int partitionOrder = in.readBits(4);
        int partitionSamples = n >> partitionOrder;
        if (partitionSamples << partitionOrder != n || partitionSamples < order) {
            throw damaged("the residual's partition order " + partitionOrder + " does not fit the block size " + n);
        }
        int i = order;
        for (int p = 0; p < 1 << partitionOrder; p++) {
            int end = (p + 1) * partitionSamples;
            int k = in.readBits(parameterBits);
            if (k == escape) {
                int width = in.readBits(5);
                for (; i < end; i++) {
                    out[i] = width == 0 ? 0 : in.readSigned(width);
                }
            } else {
                if (!in.readRice(out, i, end, k)) {
                    throw damaged("a residual is too large");
                }
                i = end;
            }
        }
    }

    private static void restoreFixed(long[] s, int n, int order) {
        switch (order) {
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    s[i] += s[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < n; i++) {
                    s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
                }
            }
            default -> {
                // order 0: the residual is the signal
            }
        }
    }

    private void restoreLpc(long[] s, int n, int order, int shift) {
        long[] c = coefficients;
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += c[j] * s[i - 1 - j];
            }
            s[i] += sum >> shift;
        }
    }

    private void decorrelate(int assignment, int n) {
        if (assignment <= INDEPENDENT_MAX) {
            return;
        }
        long[] a = samples[0];
        long[] b = samples[1];
        switch (assignment) {
            case LEFT_SIDE -> {
                for (int i = 0; i < n; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case SIDE_RIGHT -> {
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    long side = b[i];
                    long mid = a[i] << 1 | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
        }
    }

    private AudioDecodeException damaged(String problem) {
        return new AudioDecodeException(source, "frame " + frames + " at byte " + frameStart + ": " + problem
                + "; the file is damaged");
    }
}
