package io.mixbench.audio.flac.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small FLAC encoder for tests: it writes every subframe type, residual coding, stereo mode and header coding the
 * format has, in rotation, so the decoder meets each of them. Compression is not its aim.
 */
final class FlacWriter {

    enum Subframe {
        CONSTANT, VERBATIM, FIXED, LPC
    }

    private final int rate;
    private final int bits;
    private final List<String> comments = new ArrayList<>();
    private int[] blockSizes = {4096};
    private boolean variableBlocking;
    private boolean declareTotal = true;
    private Subframe[] subframes = Subframe.values();
    private boolean wastedBits = true;
    private boolean mixedHeaderCodes = true;

    FlacWriter(int rate, int bits) {
        this.rate = rate;
        this.bits = bits;
    }

    FlacWriter blockSizes(int... sizes) {
        this.blockSizes = sizes;
        return this;
    }

    FlacWriter variableBlocking() {
        this.variableBlocking = true;
        return this;
    }

    FlacWriter unknownTotal() {
        this.declareTotal = false;
        return this;
    }

    FlacWriter subframes(Subframe... types) {
        this.subframes = types;
        return this;
    }

    FlacWriter noWastedBits() {
        this.wastedBits = false;
        return this;
    }

    /**
     * Codes sample rate and size the same way in every frame: ffmpeg's parser takes a change of coding (both
     * legal) for a change of format.
     */
    FlacWriter uniformHeaderCodes() {
        this.mixedHeaderCodes = false;
        return this;
    }

    FlacWriter comment(String comment) {
        comments.add(comment);
        return this;
    }

    /** The whole file for planar integer samples (each within {@code bits}). */
    byte[] encode(long[][] signal) {
        int channels = signal.length;
        int total = signal[0].length;
        Bits out = new Bits();
        out.bytes("fLaC");
        int maxBlock = 16;
        int minBlock = 65535;
        for (int size : blockSizes) {
            maxBlock = Math.max(maxBlock, size);
            minBlock = Math.min(minBlock, size);
        }
        out.bits(comments.isEmpty() ? 0x80 : 0, 8).bits(34, 24);
        out.bits(variableBlocking ? minBlock : maxBlock, 16).bits(maxBlock, 16).bits(0, 24).bits(0, 24);
        out.bits(rate, 20).bits(channels - 1, 3).bits(bits - 1, 5).bits(declareTotal ? total : 0, 36);
        out.bits(0, 64).bits(0, 64);
        if (!comments.isEmpty()) {
            Bits body = new Bits();
            byte[] vendor = "mixbench test".getBytes(StandardCharsets.UTF_8);
            body.le32(vendor.length).raw(vendor).le32(comments.size());
            for (String c : comments) {
                byte[] b = c.getBytes(StandardCharsets.UTF_8);
                body.le32(b.length).raw(b);
            }
            byte[] block = body.toBytes();
            out.bits(0x84, 8).bits(block.length, 24).raw(block);
        }
        int frame = 0;
        int at = 0;
        while (at < total) {
            int n = Math.min(blockSizes[frame % blockSizes.length], total - at);
            frame(out, signal, at, n, frame);
            at += n;
            frame++;
        }
        return out.toBytes();
    }

    private void frame(Bits out, long[][] signal, int at, int n, int frame) {
        int channels = signal.length;
        int start = out.size();
        out.bits(0x3FFE, 14).bits(0, 1).bits(variableBlocking ? 1 : 0, 1);
        int sizeCode = sizeCode(n, frame);
        int rateCode = rateCode(frame);
        out.bits(sizeCode, 4).bits(rateCode, 4);
        int assignment = channels == 2 ? new int[]{1, 8, 9, 10}[frame % 4] : channels - 1;
        out.bits(assignment, 4).bits(frame % 2 == 0 || !mixedHeaderCodes ? 0 : bitsCode(), 3).bits(0, 1);
        out.utf8(variableBlocking ? at : frame);
        if (sizeCode == 6) {
            out.bits(n - 1, 8);
        } else if (sizeCode == 7) {
            out.bits(n - 1, 16);
        }
        switch (rateCode) {
            case 12 -> out.bits(rate / 1000, 8);
            case 13 -> out.bits(rate, 16);
            case 14 -> out.bits(rate / 10, 16);
            default -> {
                // in STREAMINFO or the code itself
            }
        }
        out.bits(out.crc8(start), 8);
        long[][] coded = new long[channels][n];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(signal[c], at, coded[c], 0, n);
        }
        int sideChannel = -1;
        if (assignment >= 8) {
            long[] l = coded[0];
            long[] r = coded[1];
            for (int i = 0; i < n; i++) {
                long left = l[i];
                long right = r[i];
                switch (assignment) {
                    case 8 -> r[i] = left - right;
                    case 9 -> l[i] = left - right;
                    default -> {
                        l[i] = (left + right) >> 1;
                        r[i] = left - right;
                    }
                }
            }
            sideChannel = assignment == 9 ? 0 : 1;
        }
        for (int c = 0; c < channels; c++) {
            subframe(out, coded[c], bits + (c == sideChannel ? 1 : 0), frame * 7 + c);
        }
        out.align();
        out.bits(out.crc16(start), 16);
    }

    private void subframe(Bits out, long[] s, int width, int turn) {
        int n = s.length;
        boolean constant = true;
        for (long v : s) {
            constant &= v == s[0];
        }
        int wasted = 0;
        if (wastedBits) {
            long or = 0;
            for (long v : s) {
                or |= v;
            }
            wasted = or == 0 ? 0 : Math.min(Long.numberOfTrailingZeros(or), width - 1);
        }
        long[] shifted = new long[n];
        for (int i = 0; i < n; i++) {
            shifted[i] = s[i] >> wasted;
        }
        int w = width - wasted;
        Subframe type = subframes[turn % subframes.length];
        if (type == Subframe.CONSTANT && !constant) {
            type = Subframe.VERBATIM;
        }
        int order = type == Subframe.FIXED ? Math.min(turn % 5, n) : Math.min(1 + turn % 8, n);
        long[] coefficients = {3, -3, 1, 0, 0, 0, 0, 0};
        int shift = 0;
        if (turn % 3 == 0) {
            coefficients = new long[]{7, -2, -1, 1, -1, 0, 1, 0};
            shift = 2;
        }
        long[] residual = null;
        if (type == Subframe.FIXED || type == Subframe.LPC) {
            residual = new long[n];
            for (int i = order; i < n; i++) {
                long prediction;
                if (type == Subframe.FIXED) {
                    prediction = fixedPrediction(shifted, i, order);
                } else {
                    long sum = 0;
                    for (int j = 0; j < order; j++) {
                        sum += coefficients[j] * shifted[i - 1 - j];
                    }
                    prediction = sum >> shift;
                }
                residual[i] = shifted[i] - prediction;
                if (residual[i] != (int) residual[i]) {
                    type = Subframe.VERBATIM; // residuals must fit 32 bits
                    break;
                }
            }
        }
        int typeCode = switch (type) {
            case CONSTANT -> 0;
            case VERBATIM -> 1;
            case FIXED -> 8 + order;
            case LPC -> 31 + order;
        };
        out.bits(0, 1).bits(typeCode, 6);
        if (wasted > 0) {
            out.bits(1, 1).unary(wasted - 1);
        } else {
            out.bits(0, 1);
        }
        switch (type) {
            case CONSTANT -> out.bits(shifted[0], w);
            case VERBATIM -> {
                for (long v : shifted) {
                    out.bits(v, w);
                }
            }
            default -> {
                for (int i = 0; i < order; i++) {
                    out.bits(shifted[i], w);
                }
                if (type == Subframe.LPC) {
                    out.bits(4 - 1, 4).bits(shift, 5);
                    for (int j = 0; j < order; j++) {
                        out.bits(coefficients[j], 4);
                    }
                }
                residual(out, residual, order, turn);
            }
        }
    }

    private static long fixedPrediction(long[] s, int i, int order) {
        return switch (order) {
            case 0 -> 0;
            case 1 -> s[i - 1];
            case 2 -> 2 * s[i - 1] - s[i - 2];
            case 3 -> 3 * s[i - 1] - 3 * s[i - 2] + s[i - 3];
            default -> 4 * s[i - 1] - 6 * s[i - 2] + 4 * s[i - 3] - s[i - 4];
        };
    }

    private static void residual(Bits out, long[] r, int order, int turn) {
        int n = r.length;
        int partitionOrder = 0;
        int wanted = turn % 4;
        while (partitionOrder < wanted && n % (2 << partitionOrder) == 0 && (n >> (partitionOrder + 1)) >= order) {
            partitionOrder++;
        }
        boolean rice2 = turn % 2 == 1;
        out.bits(rice2 ? 1 : 0, 2).bits(partitionOrder, 4);
        int size = n >> partitionOrder;
        for (int p = 0; p < 1 << partitionOrder; p++) {
            int from = p == 0 ? order : p * size;
            int to = (p + 1) * size;
            long sum = 0;
            long biggest = 0;
            for (int i = from; i < to; i++) {
                sum += Math.abs(r[i]);
                biggest = Math.max(biggest, Math.abs(r[i]));
            }
            long mean = to > from ? sum / (to - from) : 0;
            int k = mean == 0 ? 0 : 64 - Long.numberOfLeadingZeros(mean);
            k = Math.min(k, rice2 ? 30 : 14);
            int rawWidth = 65 - Long.numberOfLeadingZeros(biggest);
            boolean escape = (turn + p) % 5 == 4 && rawWidth <= 31;
            if (escape) {
                out.bits(rice2 ? 31 : 15, rice2 ? 5 : 4);
                int width = biggest == 0 ? 0 : rawWidth;
                out.bits(width, 5);
                for (int i = from; i < to; i++) {
                    if (width > 0) {
                        out.bits(r[i], width);
                    }
                }
            } else {
                out.bits(k, rice2 ? 5 : 4);
                for (int i = from; i < to; i++) {
                    long u = r[i] << 1 ^ r[i] >> 63;
                    out.unary(u >>> k);
                    if (k > 0) {
                        out.bits(u, k);
                    }
                }
            }
        }
    }

    private static int sizeCode(int n, int frame) {
        if (frame % 3 == 1) {
            return n <= 256 ? 6 : 7;
        }
        if (n == 192) {
            return 1;
        }
        for (int code = 2; code <= 5; code++) {
            if (n == 576 << (code - 2)) {
                return code;
            }
        }
        for (int code = 8; code <= 15; code++) {
            if (n == 256 << (code - 8)) {
                return code;
            }
        }
        return n <= 256 ? 6 : 7;
    }

    private int rateCode(int frame) {
        if (!mixedHeaderCodes) {
            return 0;
        }
        int[] table = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 96_000};
        switch (frame % 4) {
            case 1 -> {
                for (int code = 1; code < table.length; code++) {
                    if (table[code] == rate) {
                        return code;
                    }
                }
            }
            case 2 -> {
                if (rate % 1000 == 0 && rate / 1000 < 256) {
                    return 12;
                }
                if (rate < 65536) {
                    return 13;
                }
            }
            case 3 -> {
                if (rate % 10 == 0 && rate / 10 < 65536) {
                    return 14;
                }
            }
            default -> {
                // from STREAMINFO
            }
        }
        return 0;
    }

    private int bitsCode() {
        return switch (bits) {
            case 8 -> 1;
            case 12 -> 2;
            case 16 -> 4;
            case 20 -> 5;
            case 24 -> 6;
            case 32 -> 7;
            default -> 0;
        };
    }

    /** A big-endian bit sink with FLAC's CRCs. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long pending;
        private int pendingBits;

        Bits bits(long value, int n) {
            for (int i = n - 1; i >= 0; i--) {
                pending = pending << 1 | (value >>> i & 1);
                if (++pendingBits == 8) {
                    out.write((int) pending);
                    pending = 0;
                    pendingBits = 0;
                }
            }
            return this;
        }

        Bits unary(long zeros) {
            for (long i = 0; i < zeros; i++) {
                bits(0, 1);
            }
            return bits(1, 1);
        }

        Bits utf8(long v) {
            if (v < 0x80) {
                return bits(v, 8);
            }
            int length = 2;
            while (v >= 1L << (5 * length + 1)) {
                length++;
            }
            bits((0xFF00 >> length) & 0xFF | v >>> (6 * (length - 1)), 8);
            for (int i = length - 2; i >= 0; i--) {
                bits(0x80 | (v >>> (6 * i) & 0x3F), 8);
            }
            return this;
        }

        Bits le32(long v) {
            for (int i = 0; i < 4; i++) {
                bits(v >>> (8 * i) & 0xFF, 8);
            }
            return this;
        }

        Bits bytes(String ascii) {
            return raw(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        Bits raw(byte[] b) {
            for (byte x : b) {
                bits(x & 0xFF, 8);
            }
            return this;
        }

        Bits align() {
            while (pendingBits != 0) {
                bits(0, 1);
            }
            return this;
        }

        int size() {
            return out.size();
        }

        int crc8(int from) {
            byte[] b = out.toByteArray();
            return Crc.crc8(b, from, b.length);
        }

        int crc16(int from) {
            byte[] b = out.toByteArray();
            return Crc.crc16(b, from, b.length);
        }

        byte[] toBytes() {
            align();
            return out.toByteArray();
        }
    }
}
