package io.mixbench.audio.aiff.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.pcm.ChunkInput;
import io.mixbench.audio.pcm.PcmEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a FORM/AIFF or FORM/AIFC header front to back, up to the first sample of the SSND chunk. Every size is
 * checked against the bytes that actually arrive, and nothing is allocated in proportion to a size field. Chunks
 * after SSND are not read: the decoder streams and never seeks.
 */
final class AiffHeaderParser {

    static final int MAX_CHANNELS = 32;
    /** Longest text chunk kept; longer ones are cut (a title, not a document). */
    private static final int MAX_TEXT_BYTES = 1024;

    private static final Channel L = Channel.LEFT;
    private static final Channel R = Channel.RIGHT;
    private static final Channel C = Channel.CENTRE;
    private static final Channel LFE = Channel.LFE;
    private static final Channel LS = Channel.LEFT_SURROUND;
    private static final Channel RS = Channel.RIGHT_SURROUND;
    private static final Channel LB = Channel.LEFT_BACK;
    private static final Channel RB = Channel.RIGHT_BACK;
    private static final Channel LC = Channel.LEFT_CENTRE;
    private static final Channel RC = Channel.RIGHT_CENTRE;

    /** Core Audio layout tags (CoreAudioTypes.h) of a CHAN chunk, with the channels they name in file order. */
    private static final Map<Long, List<Channel>> LAYOUT_TAGS = Map.of(tag(100, 1), List.of(Channel.MONO),
            tag(101, 2), List.of(L, R), tag(102, 2), List.of(L, R), tag(121, 6), List.of(L, R, C, LFE, LS, RS),
            tag(122, 6), List.of(L, R, LS, RS, C, LFE), tag(123, 6), List.of(L, C, R, LS, RS, LFE), tag(124, 6),
            List.of(C, L, R, LS, RS, LFE), tag(126, 8), List.of(L, R, C, LFE, LS, RS, LC, RC), tag(127, 8),
            List.of(C, LC, RC, L, R, LS, RS, LFE), tag(128, 8), List.of(L, R, C, LFE, LS, RS, LB, RB));
    private static final long USE_DESCRIPTIONS = 0;
    private static final long USE_BITMAP = 1L << 16;
    /** Speaker bits of a channel bitmap, the same as a WAVE channel mask (bit 0 first). */
    private static final Channel[] BITMAP_SPEAKERS = {L, R, C, LFE, LB, RB, LC, RC, Channel.BACK_CENTRE, LS, RS};

    private final ChunkInput input;
    private final byte[] scratch = new byte[4096];
    private final Map<String, String> metadata = new LinkedHashMap<>();
    /** The SSND chunk's offset and size in bytes, once found. */
    private long ssndAt;
    private long ssndBytes;

    AiffHeaderParser(InputStream in, String source) {
        this.input = new ChunkInput(in, source);
    }

    AiffHeader parse() throws IOException {
        int got = input.read(scratch, 12);
        String type = got >= 12 ? ChunkInput.id(scratch, 8) : "";
        if (got < 12 || !ChunkInput.id(scratch, 0).equals("FORM") || !(type.equals("AIFF") || type.equals("AIFC"))) {
            throw fail("not an AIFF file (the file does not start with \"FORM\" ... \"AIFF\" or \"AIFC\")");
        }
        boolean aifc = type.equals("AIFC");
        Comm comm = null;
        List<Channel> chan = null;
        while (true) {
            long chunkAt = input.position();
            got = input.read(scratch, 8);
            if (got < 8) {
                String where = " (the file ends after " + input.position() + " bytes)";
                throw fail(comm == null ? "no COMM chunk" + where : "no SSND chunk" + where);
            }
            String id = ChunkInput.id(scratch, 0);
            long size = u32(scratch, 4);
            switch (id) {
                case "COMM" -> {
                    if (comm != null) {
                        throw fail("more than one COMM chunk");
                    }
                    comm = readComm(size, aifc, chunkAt);
                }
                case "SSND" -> {
                    if (comm == null) {
                        throw fail("the SSND chunk comes before the COMM chunk; files with the samples before the"
                                + " format cannot be read as a stream");
                    }
                    ssndAt = chunkAt;
                    ssndBytes = size;
                    return header(comm, aifc, chan, ssndFrames(size, comm, chunkAt));
                }
                case "NAME" -> metadata.put(AudioMetadataKeys.TITLE, readText(id, size, chunkAt));
                case "CHAN" -> chan = readChan(size, chunkAt);
                default -> input.skipRest(id, size, 0, chunkAt);
            }
        }
    }

    /**
     * After the samples ({@link io.mixbench.audio.pcm.AfterSamples}): a second SSND chunk is an error, not audio
     * dropped without a word.
     */
    void requireNoSecondSsnd(long bytesRead) throws IOException {
        input.requireNoSecond("SSND", ssndBytes, ssndAt, bytesRead, ByteOrder.BIG_ENDIAN);
    }

    private Comm readComm(long size, boolean aifc, long chunkAt) throws IOException {
        int needed = aifc ? 22 : 18;
        if (size < needed) {
            throw fail("COMM chunk is too short (" + size + " bytes, at least " + needed + " needed for "
                    + (aifc ? "AIFF-C" : "AIFF") + ")");
        }
        input.readChunkBytes("COMM", size, scratch, needed, chunkAt);
        Comm comm = new Comm();
        comm.channels = u16(scratch, 0);
        comm.frames = u32(scratch, 2);
        comm.bits = (short) u16(scratch, 6);
        comm.sampleRate = extended(scratch, 8);
        comm.compression = aifc ? ChunkInput.id(scratch, 18) : "NONE";
        input.skipRest("COMM", size, needed, chunkAt);
        return comm;
    }

    private long ssndFrames(long size, Comm comm, long chunkAt) throws IOException {
        if (size < 8) {
            throw fail("SSND chunk is too short (" + size + " bytes, at least 8 needed)");
        }
        input.readChunkBytes("SSND", size, scratch, 8, chunkAt);
        long offset = u32(scratch, 0);
        if (offset > size - 8) {
            throw fail("SSND chunk's data offset (" + offset + " bytes) lies beyond its size (" + size + " bytes)");
        }
        input.skipBytes("SSND", size, offset, chunkAt);
        // Validated in header(); a bad COMM must be reported as such, not as a division by zero here.
        int frameBytes = Math.max(1, comm.channels) * bytesPerSample(comm);
        return (size - 8 - offset) / frameBytes;
    }

    private AiffHeader header(Comm comm, boolean aifc, List<Channel> chan, long ssndFrames)
            throws AudioDecodeException {
        if (comm.channels == 0) {
            throw fail("AIFF header declares 0 channels");
        }
        if (comm.channels > MAX_CHANNELS) {
            throw fail("AIFF header declares " + comm.channels + " channels; at most " + MAX_CHANNELS
                    + " are supported");
        }
        double rate = comm.sampleRate;
        if (!(rate >= 0.5 && rate < AudioFormat.MAX_SAMPLE_RATE_HZ + 0.5)
                || !AudioFormat.isSupportedSampleRate(Math.round(rate))) {
            throw fail(AudioFormat.unsupportedSampleRate(describeRate(rate)));
        }
        PcmEncoding type = sampleType(comm);
        int bits = type.isFloat() ? type.bytes() * 8 : comm.bits;
        String name = (aifc ? "AIFF-C" : "AIFF") + (type.isFloat() ? " float " : " PCM ") + bits + "-bit"
                + switch (type) {
                    case SIGNED_16_LE, SIGNED_24_LE, SIGNED_32_LE -> " little-endian";
                    case UNSIGNED_8 -> " unsigned";
                    default -> "";
                };
        ChannelLayout layout = chan != null && chan.size() == comm.channels
                ? new ChannelLayout(chan)
                : ChannelLayout.defaultFor(comm.channels);
        AudioFormat format = new AudioFormat((int) Math.round(rate), layout, bits,
                type.isFloat() ? SampleEncoding.PCM_FLOAT : SampleEncoding.PCM_INTEGER, comm.frames, name);
        return new AiffHeader(format, type, comm.channels * type.bytes(), ssndFrames, Map.copyOf(metadata));
    }

    private PcmEncoding sampleType(Comm comm) throws AudioDecodeException {
        String compression = comm.compression;
        switch (compression) {
            case "fl32", "FL32" -> {
                return PcmEncoding.FLOAT_32_BE;
            }
            case "fl64", "FL64" -> {
                return PcmEncoding.FLOAT_64_BE;
            }
            case "in24" -> {
                return PcmEncoding.SIGNED_24_BE;
            }
            case "in32" -> {
                return PcmEncoding.SIGNED_32_BE;
            }
            case "raw " -> {
                if (comm.bits != 8) {
                    throw fail("AIFF-C \"raw \" samples must be 8 bits, the header declares " + comm.bits);
                }
                return PcmEncoding.UNSIGNED_8;
            }
            case "NONE", "twos", "sowt" -> {
                boolean little = compression.equals("sowt");
                int bits = comm.bits;
                if (bits < 1 || bits > 32) {
                    throw fail("unsupported sample size " + bits + " bits (1 to 32 are supported)");
                }
                // Fewer bits than the container are stored left-justified, so the container's scale applies.
                if (bits <= 8) {
                    return PcmEncoding.SIGNED_8;
                } else if (bits <= 16) {
                    return little ? PcmEncoding.SIGNED_16_LE : PcmEncoding.SIGNED_16_BE;
                } else if (bits <= 24) {
                    return little ? PcmEncoding.SIGNED_24_LE : PcmEncoding.SIGNED_24_BE;
                }
                return little ? PcmEncoding.SIGNED_32_LE : PcmEncoding.SIGNED_32_BE;
            }
            default -> throw fail("unsupported AIFF-C compression type \"" + ChunkInput.printable(compression) + "\""
                    + compressionHint(compression)
                    + "; only uncompressed PCM (NONE, twos, sowt, in24, in32, raw) and float (fl32, fl64) are"
                    + " supported");
        }
    }

    /** Bytes per sample as far as COMM says; 1 for anything {@link #sampleType} will reject. */
    private static int bytesPerSample(Comm comm) {
        return switch (comm.compression) {
            case "fl32", "FL32", "in32" -> 4;
            case "fl64", "FL64" -> 8;
            case "in24" -> 3;
            default -> comm.bits >= 1 && comm.bits <= 32 ? (comm.bits + 7) / 8 : 1;
        };
    }

    private static String compressionHint(String compression) {
        return switch (compression.toLowerCase(Locale.ROOT)) {
            case "ulaw" -> " (mu-law)";
            case "alaw" -> " (A-law)";
            case "ima4" -> " (IMA ADPCM)";
            case "mac3", "mac6" -> " (MACE)";
            case "qdm2", "qdmc" -> " (QDesign)";
            case "gsm " -> " (GSM)";
            default -> "";
        };
    }

    /** Channels a CHAN chunk names, or null when it names none this decoder knows. */
    private List<Channel> readChan(long size, long chunkAt) throws IOException {
        if (size < 12) {
            input.skipRest("CHAN", size, 0, chunkAt);
            return null;
        }
        input.readChunkBytes("CHAN", size, scratch, 12, chunkAt);
        long tag = u32(scratch, 0);
        long bitmap = u32(scratch, 4);
        long descriptions = u32(scratch, 8);
        long left = size - 12;
        List<Channel> channels = null;
        if (tag == USE_DESCRIPTIONS && descriptions <= MAX_CHANNELS && left >= 20 * descriptions) {
            channels = new ArrayList<>();
            for (int i = 0; i < descriptions; i++) {
                input.readChunkBytes("CHAN", size, scratch, 20, chunkAt);
                channels.add(label(u32(scratch, 0)));
            }
            left -= 20 * descriptions;
        } else if (tag == USE_BITMAP) {
            channels = fromBitmap(bitmap);
        } else {
            channels = LAYOUT_TAGS.get(tag);
        }
        input.skipRest("CHAN", size, size - left, chunkAt);
        return channels;
    }

    /** Core Audio channel labels (kAudioChannelLabel_*). */
    private static Channel label(long label) {
        return switch ((int) label) {
            case 1 -> L;
            case 2 -> R;
            case 3 -> C;
            case 4 -> LFE;
            case 5, 10 -> LS;
            case 6, 11 -> RS;
            case 7 -> LC;
            case 8 -> RC;
            case 9 -> Channel.BACK_CENTRE;
            case 33 -> LB;
            case 34 -> RB;
            case 42 -> Channel.MONO;
            default -> Channel.OTHER;
        };
    }

    /** As a WAVE channel mask: back speakers without side speakers are the surrounds of 5.1. */
    private static List<Channel> fromBitmap(long bitmap) {
        boolean backAreSurrounds = (bitmap & 0x600) == 0 && (bitmap & 0x30) != 0;
        List<Channel> named = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((bitmap & (1L << bit)) != 0) {
                Channel ch = bit < BITMAP_SPEAKERS.length ? BITMAP_SPEAKERS[bit] : Channel.OTHER;
                if (backAreSurrounds && ch == LB) {
                    ch = LS;
                } else if (backAreSurrounds && ch == RB) {
                    ch = RS;
                }
                named.add(ch);
            }
        }
        return named;
    }

    private String readText(String id, long size, long chunkAt) throws IOException {
        int n = (int) Math.min(size, MAX_TEXT_BYTES);
        input.readChunkBytes(id, size, scratch, n, chunkAt);
        int end = n;
        while (end > 0 && (scratch[end - 1] == 0 || scratch[end - 1] == ' ')) {
            end--;
        }
        String text = new String(scratch, 0, end, StandardCharsets.ISO_8859_1);
        input.skipRest(id, size, n, chunkAt);
        return text;
    }

    /**
     * An 80-bit IEEE 754 extended-precision number (sign, 15-bit exponent, 64-bit mantissa with an explicit
     * integer bit), as AIFF stores the sample rate. NaN for infinities and NaNs.
     */
    static double extended(byte[] b, int at) {
        int signAndExponent = u16(b, at);
        int exponent = signAndExponent & 0x7FFF;
        long mantissa = u32(b, at + 2) << 32 | u32(b, at + 6);
        if (exponent == 0x7FFF) {
            return Double.NaN;
        }
        double value = Math.scalb((double) (mantissa >>> 11), exponent - 16383 - 52);
        return (signAndExponent & 0x8000) != 0 ? -value : value;
    }

    private static String describeRate(double rate) {
        if (Double.isNaN(rate)) {
            return "NaN or infinite";
        }
        return rate == Math.rint(rate) && Math.abs(rate) < 1e15
                ? Long.toString((long) rate)
                : String.format(Locale.ROOT, "%.6g", rate);
    }

    private AudioDecodeException fail(String problem) {
        return input.fail(problem);
    }

    private static long tag(int layout, int channels) {
        return (long) layout << 16 | channels;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    /** The COMM chunk's fields. */
    private static final class Comm {
        int channels;
        long frames;
        int bits;
        double sampleRate;
        String compression;
    }
}
