package io.mixbench.audio.wav.internal;

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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * Reads a RIFF/RF64 WAVE header front to back, up to the first byte of the data chunk's samples. Every size is
 * checked against the bytes that actually arrive, and nothing is allocated in proportion to a size field.
 */
final class WavHeaderParser {

    static final int MAX_CHANNELS = 32;
    /** Metadata chunks (iXML, INFO lists, coding history) larger than this are skipped, bytes. */
    static final int MAX_TEXT_BYTES = 1 << 20;
    /** The fixed part of a bext chunk, before the coding history, bytes. */
    private static final int BEXT_FIXED_BYTES = 602;

    private static final int WAVE_FORMAT_PCM = 0x0001;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    /** KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT after the two bytes of the format code. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    /** Speaker bits of dwChannelMask in WAVE order (bit 0 first). */
    private static final Channel[] SPEAKERS = {Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LFE,
            Channel.LEFT_BACK, Channel.RIGHT_BACK, Channel.LEFT_CENTRE, Channel.RIGHT_CENTRE, Channel.BACK_CENTRE,
            Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND};
    private static final int SIDE_SPEAKERS = 0x600;
    private static final int BACK_SPEAKERS = 0x30;

    private final ChunkInput input;
    private final byte[] scratch = new byte[4096];
    private final Map<String, String> metadata = new LinkedHashMap<>();
    /** The data chunk's offset and size in bytes, once found. */
    private long dataAt;
    private long dataBytes;

    WavHeaderParser(InputStream in, String source) {
        this.input = new ChunkInput(in, source);
    }

    /** Bytes consumed so far. */
    long position() {
        return input.position();
    }

    WavHeader parse() throws IOException {
        int got = input.read(scratch, 12);
        String container = got >= 4 ? ChunkInput.id(scratch, 0) : "";
        boolean rf64 = container.equals("RF64") || container.equals("BW64");
        if (got < 12 || !(rf64 || container.equals("RIFF")) || !ChunkInput.id(scratch, 8).equals("WAVE")) {
            throw fail("not a RIFF/WAVE file (the file does not start with \"RIFF\" ... \"WAVE\")");
        }
        long ds64DataBytes = -1;
        Fmt fmt = null;
        while (true) {
            long chunkAt = input.position();
            got = input.read(scratch, 8);
            if (got < 8) {
                String where = " (the file ends after " + input.position() + " bytes)";
                throw fail(fmt == null ? "no fmt chunk" + where : "no data chunk" + where);
            }
            String id = ChunkInput.id(scratch, 0);
            long size = u32(scratch, 4);
            switch (id) {
                case "fmt " -> {
                    if (fmt != null) {
                        throw fail("more than one fmt chunk");
                    }
                    fmt = readFmt(size);
                }
                case "ds64" -> {
                    if (!rf64) {
                        input.skipRest(id, size, 0, chunkAt);
                    } else {
                        ds64DataBytes = readDs64(size, chunkAt);
                    }
                }
                case "bext" -> readBext(size, chunkAt);
                case "iXML" -> readIxml(size, chunkAt);
                case "LIST" -> readList(size, chunkAt);
                case "data" -> {
                    if (fmt == null) {
                        throw fail("no fmt chunk before the data chunk");
                    }
                    dataAt = chunkAt;
                    dataBytes = dataBytes(size, rf64, ds64DataBytes);
                    return header(fmt, container, dataBytes);
                }
                default -> input.skipRest(id, size, 0, chunkAt);
            }
        }
    }

    /**
     * After the samples ({@link io.mixbench.audio.pcm.AfterSamples}): a second data chunk is an error, not audio
     * dropped without a word.
     */
    void requireNoSecondData(long bytesRead) throws IOException {
        input.requireNoSecond("data", dataBytes, dataAt, bytesRead, ByteOrder.LITTLE_ENDIAN);
    }

    private long dataBytes(long size, boolean rf64, long ds64DataBytes) throws AudioDecodeException {
        if (size != UNKNOWN_SIZE) {
            return size;
        }
        if (!rf64) {
            // Written by recorders before they patch the size: the samples run to the end of the file.
            return -1;
        }
        if (ds64DataBytes < 0) {
            throw fail("RF64 file has no ds64 chunk giving the data size");
        }
        return ds64DataBytes;
    }

    private long readDs64(long size, long chunkAt) throws IOException {
        if (size < 24) {
            throw fail("ds64 chunk is too short (" + size + " bytes, at least 24 needed)");
        }
        input.readChunkBytes("ds64", size, scratch, 24, chunkAt);
        long dataBytes = u64(scratch, 8);
        if (dataBytes < 0) {
            throw fail("ds64 chunk declares an impossible data size");
        }
        input.skipRest("ds64", size, 24, chunkAt);
        return dataBytes;
    }

    /**
     * BWF (EBU Tech 3285): description, originator, date, time and the time reference (the first sample's position
     * in samples since midnight, an unsigned 64-bit number); the coding history when it is short.
     */
    private void readBext(long size, long chunkAt) throws IOException {
        if (size < BEXT_FIXED_BYTES) {
            input.skipRest("bext", size, 0, chunkAt);
            return;
        }
        byte[] body = readBody("bext", size, (int) Math.min(size, BEXT_FIXED_BYTES + MAX_TEXT_BYTES), chunkAt);
        put(AudioMetadataKeys.BEXT_DESCRIPTION, text(body, 0, 256));
        put(AudioMetadataKeys.BEXT_ORIGINATOR, text(body, 256, 32));
        put("bext.originatorReference", text(body, 288, 32));
        put(AudioMetadataKeys.BEXT_ORIGINATION_DATE, text(body, 320, 10));
        put(AudioMetadataKeys.BEXT_ORIGINATION_TIME, text(body, 330, 8));
        put(AudioMetadataKeys.BEXT_TIME_REFERENCE, Long.toUnsignedString(u64(body, 338)));
        put("bext.version", String.valueOf(u16(body, 346)));
        if (size <= BEXT_FIXED_BYTES + MAX_TEXT_BYTES) {
            put("bext.codingHistory", text(body, BEXT_FIXED_BYTES, body.length - BEXT_FIXED_BYTES));
        }
    }

    /** iXML, verbatim, when it fits in {@link #MAX_TEXT_BYTES}; a larger one is skipped, not cut. */
    private void readIxml(long size, long chunkAt) throws IOException {
        if (size > MAX_TEXT_BYTES) {
            input.skipRest("iXML", size, 0, chunkAt);
            return;
        }
        byte[] body = readBody("iXML", size, (int) size, chunkAt);
        put(AudioMetadataKeys.IXML, text(body, 0, body.length));
    }

    /** LIST/INFO: the title (INAM); other lists are skipped. */
    private void readList(long size, long chunkAt) throws IOException {
        if (size < 4 || size > MAX_TEXT_BYTES) {
            input.skipRest("LIST", size, 0, chunkAt);
            return;
        }
        byte[] body = readBody("LIST", size, (int) size, chunkAt);
        if (!ChunkInput.id(body, 0).equals("INFO")) {
            return;
        }
        int at = 4;
        while (at + 8 <= body.length) {
            String field = ChunkInput.id(body, at);
            long length = u32(body, at + 4);
            if (length > body.length - at - 8) {
                return; // a sub-chunk that overruns its list: keep what was read
            }
            if (field.equals("INAM")) {
                put(AudioMetadataKeys.TITLE, text(body, at + 8, (int) length));
            }
            at += 8 + (int) length + (int) (length & 1);
        }
    }

    /** Reads a whole chunk body of {@code n} bytes (n <= size) and skips the rest, with the pad byte. */
    private byte[] readBody(String id, long size, int n, long chunkAt) throws IOException {
        byte[] body = new byte[n];
        input.readChunkBytes(id, size, body, n, chunkAt);
        input.skipRest(id, size, n, chunkAt);
        return body;
    }

    private void put(String key, String value) {
        if (!value.isEmpty()) {
            metadata.put(key, value);
        }
    }

    /** Text up to the first NUL, trimmed: UTF-8 when it is valid UTF-8, else ISO-8859-1. */
    static String text(byte[] b, int at, int length) {
        int end = at;
        while (end < at + length && b[end] != 0) {
            end++;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, at, end - at))
                    .toString().strip();
        } catch (CharacterCodingException e) {
            return new String(b, at, end - at, StandardCharsets.ISO_8859_1).strip();
        }
    }

    private Fmt readFmt(long size) throws IOException {
        long chunkAt = input.position() - 8;
        if (size < 16) {
            throw fail("fmt chunk is too short (" + size + " bytes, at least 16 needed)");
        }
        int n = (int) Math.min(size, 40);
        input.readChunkBytes("fmt ", size, scratch, n, chunkAt);
        Fmt fmt = new Fmt();
        fmt.tag = u16(scratch, 0);
        fmt.channels = u16(scratch, 2);
        fmt.sampleRate = u32(scratch, 4);
        fmt.blockAlign = u16(scratch, 12);
        fmt.bits = u16(scratch, 14);
        fmt.validBits = fmt.bits;
        if (fmt.tag == WAVE_FORMAT_EXTENSIBLE) {
            if (n < 40 || u16(scratch, 16) < 22) {
                throw fail("WAVE_FORMAT_EXTENSIBLE fmt chunk is too short (" + size + " bytes, 40 needed)");
            }
            int valid = u16(scratch, 18);
            fmt.validBits = valid == 0 ? fmt.bits : valid;
            fmt.channelMask = u32(scratch, 20);
            fmt.subFormat = u16(scratch, 24);
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (scratch[26 + i] != GUID_TAIL[i]) {
                    throw fail("unsupported WAVE_FORMAT_EXTENSIBLE sub-format " + guid(scratch, 24));
                }
            }
        }
        input.skipRest("fmt ", size, n, chunkAt);
        return fmt;
    }

    private WavHeader header(Fmt fmt, String container, long dataBytes) throws AudioDecodeException {
        if (fmt.channels == 0) {
            throw fail("WAV header declares 0 channels");
        }
        if (fmt.channels > MAX_CHANNELS) {
            throw fail("WAV header declares " + fmt.channels + " channels; at most " + MAX_CHANNELS
                    + " are supported");
        }
        if (!AudioFormat.isSupportedSampleRate(fmt.sampleRate)) {
            throw fail(AudioFormat.unsupportedSampleRate(Long.toString(fmt.sampleRate)));
        }
        boolean extensible = fmt.tag == WAVE_FORMAT_EXTENSIBLE;
        int code = extensible ? fmt.subFormat : fmt.tag;
        PcmEncoding type;
        if (code == WAVE_FORMAT_PCM) {
            type = switch (fmt.bits) {
                case 8 -> PcmEncoding.UNSIGNED_8;
                case 16 -> PcmEncoding.SIGNED_16_LE;
                case 24 -> PcmEncoding.SIGNED_24_LE;
                case 32 -> PcmEncoding.SIGNED_32_LE;
                default -> throw fail("unsupported bits per sample for integer PCM: " + fmt.bits
                        + " (8, 16, 24 and 32 are supported)");
            };
        } else if (code == WAVE_FORMAT_IEEE_FLOAT) {
            type = switch (fmt.bits) {
                case 32 -> PcmEncoding.FLOAT_32_LE;
                case 64 -> PcmEncoding.FLOAT_64_LE;
                default -> throw fail("unsupported bits per sample for float samples: " + fmt.bits
                        + " (32 and 64 are supported)");
            };
        } else if (extensible) {
            throw fail("unsupported WAVE_FORMAT_EXTENSIBLE sub-format " + tagName(code)
                    + "; only PCM and IEEE float are supported");
        } else {
            throw fail("unsupported format tag " + tagName(code)
                    + "; only PCM, IEEE float and WAVE_FORMAT_EXTENSIBLE are supported");
        }
        if (fmt.validBits > fmt.bits) {
            throw fail("valid bits per sample (" + fmt.validBits + ") exceed the " + fmt.bits + "-bit container");
        }
        int expectedAlign = fmt.channels * type.bytes();
        if (fmt.blockAlign != expectedAlign) {
            throw fail("block align " + fmt.blockAlign + " does not match " + fmt.channels + " channels x "
                    + type.bytes() + " bytes per sample (" + expectedAlign + ")");
        }
        boolean isFloat = type.isFloat();
        String prefix = container.equals("RIFF") ? "WAV" : container;
        String name = prefix + (isFloat ? " float " : " PCM ") + fmt.validBits + "-bit"
                + (fmt.validBits != fmt.bits ? " (" + fmt.bits + "-bit container)" : "");
        long frames = dataBytes < 0 ? -1 : dataBytes / fmt.blockAlign;
        ChannelLayout layout = extensible
                ? layoutFor(fmt.channels, fmt.channelMask)
                : ChannelLayout.defaultFor(fmt.channels);
        AudioFormat format = new AudioFormat((int) fmt.sampleRate, layout, fmt.validBits,
                isFloat ? SampleEncoding.PCM_FLOAT : SampleEncoding.PCM_INTEGER, frames, name);
        return new WavHeader(format, type, fmt.blockAlign, dataBytes, metadata);
    }

    /**
     * Channels named by a WAVE channel mask, in WAVE order. Back speakers without side speakers are the
     * surrounds of a 5.1 file (mask 0x3F), so both 5.1 masks give {@link ChannelLayout#SURROUND_5_1}.
     */
    static ChannelLayout layoutFor(int channels, long mask) {
        if (mask == 0 || channels == 1) {
            return ChannelLayout.defaultFor(channels);
        }
        boolean backAreSurrounds = (mask & SIDE_SPEAKERS) == 0 && (mask & BACK_SPEAKERS) != 0;
        List<Channel> named = new ArrayList<>(channels);
        for (int bit = 0; bit < 32 && named.size() < channels; bit++) {
            if ((mask & (1L << bit)) == 0) {
                continue;
            }
            Channel ch = bit < SPEAKERS.length ? SPEAKERS[bit] : Channel.OTHER;
            if (backAreSurrounds && ch == Channel.LEFT_BACK) {
                ch = Channel.LEFT_SURROUND;
            } else if (backAreSurrounds && ch == Channel.RIGHT_BACK) {
                ch = Channel.RIGHT_SURROUND;
            }
            named.add(ch);
        }
        while (named.size() < channels) {
            named.add(Channel.OTHER);
        }
        return new ChannelLayout(named);
    }

    private AudioDecodeException fail(String problem) {
        return input.fail(problem);
    }

    private static String tagName(int tag) {
        String hex = String.format(Locale.ROOT, "0x%04X", tag);
        String name = switch (tag) {
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MP3";
            case 0x2000 -> "AC-3";
            default -> null;
        };
        return name == null ? hex : hex + " (" + name + ")";
    }

    private static String guid(byte[] b, int at) {
        return String.format(Locale.ROOT, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", u32(b, at),
                u16(b, at + 4), u16(b, at + 6), b[at + 8], b[at + 9], b[at + 10], b[at + 11], b[at + 12], b[at + 13],
                b[at + 14], b[at + 15]);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16);
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    /** The fmt chunk's fields. */
    private static final class Fmt {
        int tag;
        int channels;
        long sampleRate;
        int blockAlign;
        int bits;
        int validBits;
        long channelMask;
        int subFormat;
    }
}
