package io.mixbench.audio.flac.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the "fLaC" marker (after an optional ID3v2 tag) and the metadata blocks, up to the first frame. Blocks
 * other than STREAMINFO and VORBIS_COMMENT are skipped by reading through them, never by allocating their size.
 */
final class FlacHeaderParser {

    private static final int STREAMINFO = 0;
    private static final int VORBIS_COMMENT = 4;
    private static final int MAX_COMMENT_BYTES = 1024;

    private static final Channel L = Channel.LEFT;
    private static final Channel R = Channel.RIGHT;
    private static final Channel C = Channel.CENTRE;
    private static final Channel LFE = Channel.LFE;
    private static final Channel LS = Channel.LEFT_SURROUND;
    private static final Channel RS = Channel.RIGHT_SURROUND;
    /** FLAC's channel orders by channel count (RFC 9639, section 9.1.3); back speakers alone are surrounds. */
    private static final List<List<Channel>> ORDERS = List.of(List.of(Channel.MONO), List.of(L, R),
            List.of(L, R, C), List.of(L, R, LS, RS), List.of(L, R, C, LS, RS), List.of(L, R, C, LFE, LS, RS),
            List.of(L, R, C, LFE, Channel.BACK_CENTRE, LS, RS),
            List.of(L, R, C, LFE, Channel.LEFT_BACK, Channel.RIGHT_BACK, LS, RS));
    /** Speaker bits of a WAVE channel mask (bit 0 first). */
    private static final Channel[] MASK_SPEAKERS = {L, R, C, LFE, Channel.LEFT_BACK, Channel.RIGHT_BACK,
            Channel.LEFT_CENTRE, Channel.RIGHT_CENTRE, Channel.BACK_CENTRE, LS, RS};

    private final BitReader in;
    private final String source;
    private final byte[] scratch = new byte[MAX_COMMENT_BYTES];
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long channelMask = -1;

    FlacHeaderParser(BitReader in, String source) {
        this.in = in;
        this.source = source;
    }

    FlacHeader parse() throws IOException {
        try {
            return parseBlocks();
        } catch (BitReader.EndOfData e) {
            throw fail("the metadata blocks stop after " + in.bytePosition() + " bytes; the file is truncated");
        }
    }

    private FlacHeader parseBlocks() throws IOException {
        int magic = in.readBits(32);
        if ((magic >>> 8) == 0x494433) { // "ID3"
            skipId3(magic);
            magic = in.readBits(32);
        }
        if (magic != 0x664C6143) {
            throw fail("not a FLAC file (the file does not start with \"fLaC\")");
        }
        int header = in.readBits(8);
        int length = in.readBits(24);
        if ((header & 0x7F) != STREAMINFO) {
            throw fail("the first metadata block is of type " + (header & 0x7F) + ", not STREAMINFO");
        }
        if (length != 34) {
            throw fail("the STREAMINFO block has " + length + " bytes, 34 expected");
        }
        int minBlock = in.readBits(16);
        int maxBlock = in.readBits(16);
        in.readBits(24); // minimum frame size: not needed to decode
        in.readBits(24); // maximum frame size
        int rate = in.readBits(20);
        int channels = in.readBits(3) + 1;
        int bits = in.readBits(5) + 1;
        long total = in.readLong(36);
        in.skipBytes(16); // MD5: frames carry CRCs, which are checked
        boolean last = (header & 0x80) != 0;
        while (!last) {
            header = in.readBits(8);
            length = in.readBits(24);
            last = (header & 0x80) != 0;
            int type = header & 0x7F;
            if (type == 127) {
                throw fail("metadata block type 127 is invalid; the file is damaged");
            }
            if (type == STREAMINFO) {
                throw fail("more than one STREAMINFO block");
            }
            if (type == VORBIS_COMMENT) {
                readComments(length);
            } else {
                in.skipBytes(length);
            }
        }
        if (!AudioFormat.isSupportedSampleRate(rate)) {
            throw fail(AudioFormat.unsupportedSampleRate(Long.toString(rate)));
        }
        if (bits < 4) {
            throw fail("STREAMINFO declares " + bits + " bits per sample; FLAC allows 4 to 32");
        }
        if (maxBlock < 16 || minBlock > maxBlock) {
            throw fail("STREAMINFO declares block sizes of " + minBlock + " to " + maxBlock
                    + " samples; at least 16 and min <= max are required");
        }
        AudioFormat format = new AudioFormat(rate, layout(channels), bits, SampleEncoding.PCM_INTEGER,
                total == 0 ? -1 : total, "FLAC " + bits + "-bit");
        return new FlacHeader(format, minBlock, maxBlock, Map.copyOf(metadata));
    }

    /** An ID3v2 tag some taggers put before "fLaC": 10 header bytes, a syncsafe size, an optional footer. */
    private void skipId3(int firstFour) throws IOException {
        in.readBits(8); // revision
        int flags = in.readBits(8);
        long size = 0;
        for (int i = 0; i < 4; i++) {
            size = size << 7 | (in.readBits(8) & 0x7F);
        }
        if ((firstFour & 0xFF) == 0xFF) {
            throw fail("the ID3 tag before the FLAC stream is damaged");
        }
        in.skipBytes(size + ((flags & 0x10) != 0 ? 10 : 0));
    }

    private ChannelLayout layout(int channels) {
        if (channelMask > 0 && Long.bitCount(channelMask) == channels) {
            boolean backAreSurrounds = (channelMask & 0x600) == 0 && (channelMask & 0x30) != 0;
            List<Channel> named = new ArrayList<>();
            for (int bit = 0; bit < 32; bit++) {
                if ((channelMask & (1L << bit)) != 0) {
                    Channel ch = bit < MASK_SPEAKERS.length ? MASK_SPEAKERS[bit] : Channel.OTHER;
                    if (backAreSurrounds && ch == Channel.LEFT_BACK) {
                        ch = LS;
                    } else if (backAreSurrounds && ch == Channel.RIGHT_BACK) {
                        ch = RS;
                    }
                    named.add(ch);
                }
            }
            return new ChannelLayout(named);
        }
        return new ChannelLayout(ORDERS.get(channels - 1));
    }

    /**
     * A VORBIS_COMMENT block: keeps TITLE and the channel mask flac stores for WAVE files with an unusual one.
     * Damage inside the block only ends the reading of comments; the audio does not depend on them.
     */
    private void readComments(int length) throws IOException {
        long left = length;
        if (left < 8) {
            in.skipBytes(left);
            return;
        }
        long vendor = u32le();
        left -= 4;
        if (vendor > left - 4) {
            in.skipBytes(left);
            return;
        }
        in.skipBytes(vendor);
        left -= vendor;
        long count = u32le();
        left -= 4;
        for (long i = 0; i < count && left >= 4; i++) {
            long size = u32le();
            left -= 4;
            if (size > left) {
                break;
            }
            if (size <= scratch.length) {
                for (int k = 0; k < size; k++) {
                    scratch[k] = (byte) in.readBits(8);
                }
                comment(new String(scratch, 0, (int) size, StandardCharsets.UTF_8));
            } else {
                in.skipBytes(size);
            }
            left -= size;
        }
        in.skipBytes(left);
    }

    private void comment(String comment) {
        int eq = comment.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String key = comment.substring(0, eq).toUpperCase(Locale.ROOT);
        String value = comment.substring(eq + 1);
        if (key.equals("TITLE")) {
            metadata.putIfAbsent(AudioMetadataKeys.TITLE, value);
        } else if (key.equals("WAVEFORMATEXTENSIBLE_CHANNEL_MASK")) {
            try {
                String hex = value.trim().toLowerCase(Locale.ROOT);
                channelMask = hex.startsWith("0x") ? Long.parseLong(hex.substring(2), 16) : Long.parseLong(hex);
            } catch (NumberFormatException e) {
                channelMask = -1; // an unreadable mask leaves FLAC's own order
            }
        }
    }

    private long u32le() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) (in.readBits(8) & 0xFF) << (8 * i);
        }
        return v;
    }

    private AudioDecodeException fail(String problem) {
        return new AudioDecodeException(source, problem);
    }
}
