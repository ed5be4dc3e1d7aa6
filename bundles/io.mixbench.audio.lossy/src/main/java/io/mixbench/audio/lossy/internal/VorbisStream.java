package io.mixbench.audio.lossy.internal;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import io.mixbench.audio.AbstractAudioStream;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first logical Vorbis stream of an Ogg file, decoded by JOrbis packet by packet straight into the caller's
 * block. The last page's granule position ends the stream (gapless end trimming); a stream that stops without its
 * end-of-stream page is reported as truncated, and a lost or damaged page as corrupt, never skipped.
 */
final class VorbisStream extends AbstractAudioStream {

    private static final int READ_BYTES = 8192;
    /** Header packets larger than this (cover art in comments) are refused, bytes. */
    private static final long MAX_HEADER_BYTES = 16L << 20;

    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block vorbisBlock = new Block(dsp);
    private final float[][][] pcm = new float[1][][];
    private final int[] pcmIndex;
    private final AudioFormat format;
    private final Map<String, String> metadata;
    private final int channels;
    private int serial;
    private boolean started;
    private long bytesRead;
    private long delivered;
    /** The end-of-stream page's granule position: the samples in the stream; -1 until that page is read. */
    private long endGranule = -1;
    private boolean endOfStream;
    private boolean endOfFile;

    private VorbisStream(InputStream in, String source) throws IOException {
        super(source);
        this.in = in;
        sync.init();
        info.init();
        comment.init();
        readHeaders();
        channels = info.channels;
        if (channels < 1) {
            throw new AudioDecodeException(source(), "the Vorbis header declares " + channels + " channels");
        }
        if (!AudioFormat.isSupportedSampleRate(info.rate)) {
            throw new AudioDecodeException(source(), AudioFormat.unsupportedSampleRate(Integer.toUnsignedString(
                    info.rate)));
        }
        dsp.synthesis_init(info);
        vorbisBlock.init(dsp);
        pcmIndex = new int[channels];
        format = new AudioFormat(info.rate, layout(channels), 0, SampleEncoding.LOSSY, -1, "Ogg Vorbis");
        metadata = readComments();
    }

    static VorbisStream open(InputStream in, String source) throws IOException {
        return new VorbisStream(in, source);
    }

    /**
     * Vorbis channel order (Vorbis I specification, section 4.3.9), which differs from WAVE order from three
     * channels on.
     */
    static ChannelLayout layout(int channels) {
        Channel l = Channel.LEFT;
        Channel r = Channel.RIGHT;
        Channel c = Channel.CENTRE;
        Channel ls = Channel.LEFT_SURROUND;
        Channel rs = Channel.RIGHT_SURROUND;
        return switch (channels) {
            case 1 -> ChannelLayout.MONO;
            case 2 -> ChannelLayout.STEREO;
            case 3 -> new ChannelLayout(List.of(l, c, r));
            case 4 -> new ChannelLayout(List.of(l, r, ls, rs));
            case 5 -> new ChannelLayout(List.of(l, c, r, ls, rs));
            case 6 -> new ChannelLayout(List.of(l, c, r, ls, rs, Channel.LFE));
            case 7 -> new ChannelLayout(List.of(l, c, r, ls, rs, Channel.BACK_CENTRE, Channel.LFE));
            case 8 -> new ChannelLayout(List.of(l, c, r, ls, rs, Channel.LEFT_BACK, Channel.RIGHT_BACK, Channel.LFE));
            default -> new ChannelLayout(Collections.nCopies(channels, Channel.OTHER));
        };
    }

    private void readHeaders() throws IOException {
        int headers = 0;
        while (headers < 3) {
            int r = stream.packetout(packet);
            if (r == 1) {
                if (info.synthesis_headerin(comment, packet) < 0) {
                    if (headers == 2 && misreadsCoupling(info.channels)) {
                        throw new AudioDecodeException(source(), "Ogg Vorbis with " + info.channels
                                + " channels is not supported: the embedded JOrbis decoder misreads its channel"
                                + " coupling; convert the file to WAV or FLAC");
                    }
                    throw new AudioDecodeException(source(), headers == 0
                            ? "not an Ogg Vorbis file (the first packet is not a Vorbis identification header)"
                            : "Vorbis header packet " + (headers + 1) + " of 3 is corrupt");
                }
                headers++;
            } else if (r < 0) {
                throw new AudioDecodeException(source(), "the Vorbis header packets are damaged");
            } else {
                if (bytesRead > MAX_HEADER_BYTES) {
                    throw new AudioDecodeException(source(), "the Vorbis header packets exceed "
                            + (MAX_HEADER_BYTES >> 20) + " MiB");
                }
                if (!nextPage()) {
                    throw new AudioDecodeException(source(), "the file ends inside the Vorbis header packets (after "
                            + bytesRead + " bytes)");
                }
            }
        }
    }

    /**
     * JOrbis 0.0.17 reads a coupling channel number with floor(log2(channels)) bits where the specification says
     * ilog(channels - 1); the two differ for 3, 5, 6 and 7 channels, so their setup headers fail to parse.
     */
    static boolean misreadsCoupling(int channels) {
        return channels == 3 || channels == 5 || channels == 6 || channels == 7;
    }

    private Map<String, String> readComments() {
        for (int i = 0; i < comment.comments && i < comment.user_comments.length; i++) {
            byte[] raw = comment.user_comments[i];
            if (raw == null) {
                continue;
            }
            int length = Math.min(raw.length, comment.comment_lengths[i]);
            String text = new String(raw, 0, Math.max(0, length), StandardCharsets.UTF_8);
            int eq = text.indexOf('=');
            if (eq > 0 && text.substring(0, eq).toUpperCase(Locale.ROOT).equals("TITLE")) {
                return Map.of(AudioMetadataKeys.TITLE, text.substring(eq + 1));
            }
        }
        return Map.of();
    }

    /**
     * Feeds the next page of the stream to the packet assembler.
     *
     * @return false at the end of the file
     */
    private boolean nextPage() throws IOException {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) {
                if (!started) {
                    serial = page.serialno();
                    stream.init(serial);
                    started = true;
                } else if (page.serialno() != serial) {
                    continue; // another logical stream multiplexed in the file
                }
                if (stream.pagein(page) < 0) {
                    throw corrupt("an Ogg page cannot be added to the stream");
                }
                if (page.eos() != 0) {
                    endOfStream = true;
                    endGranule = page.granulepos();
                }
                return true;
            }
            if (r < 0) {
                throw corrupt(bytesRead <= 64
                        ? "the file does not start with an Ogg page"
                        : "an Ogg page is damaged (bad checksum) or data is missing");
            }
            if (endOfFile) {
                return false;
            }
            int at = sync.buffer(READ_BYTES);
            int n = in.read(sync.data, at, READ_BYTES);
            if (n < 0) {
                endOfFile = true;
            } else {
                sync.wrote(n);
                bytesRead += n;
            }
        }
    }

    private AudioDecodeException corrupt(String what) {
        return new AudioDecodeException(source(), what + " after " + delivered + " sample frames (byte " + bytesRead
                + ")");
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
        try {
            while (true) {
                if (endGranule >= 0 && delivered >= endGranule) {
                    return 0;
                }
                int available = dsp.synthesis_pcmout(pcm, pcmIndex);
                if (available > 0) {
                    int n = Math.min(available, maxFrames);
                    if (endGranule >= 0) {
                        n = (int) Math.min(n, endGranule - delivered);
                    }
                    return n;
                } else if (!nextPacket()) {
                    return 0;
                }
            }
        } catch (RuntimeException e) {
            throw undecodable(e);
        }
    }

    @Override
    protected void copyRun(float[][] block, int offset, int n) throws IOException {
        try {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(pcm[0][c], pcmIndex[c], block[c], offset, n);
            }
            dsp.synthesis_read(n);
            delivered += n;
        } catch (RuntimeException e) {
            throw undecodable(e);
        }
    }

    private AudioDecodeException undecodable(RuntimeException e) {
        return new AudioDecodeException(source(), "a Vorbis packet cannot be decoded after " + delivered
                + " sample frames (" + e + ")", e);
    }

    @Override
    protected int endOfData() throws IOException {
        if (!endOfStream) {
            throw new AudioDecodeException(source(), "file is truncated: the Ogg Vorbis stream stops after " + delivered
                    + " sample frames, without its last page");
        }
        return -1;
    }

    /** Decodes the next audio packet into the synthesis state; false at the end of the stream or the file. */
    private boolean nextPacket() throws IOException {
        while (true) {
            int r = stream.packetout(packet);
            if (r == 1) {
                if (vorbisBlock.synthesis(packet) != 0) {
                    throw corrupt("a Vorbis audio packet is corrupt");
                }
                dsp.synthesis_blockin(vorbisBlock);
                return true;
            }
            if (r < 0) {
                throw corrupt("a gap in the Ogg stream (a page is missing)");
            }
            if (endOfStream || !nextPage()) {
                return false;
            }
        }
    }

    @Override
    protected void closeInput() throws IOException {
        in.close();
    }
}
