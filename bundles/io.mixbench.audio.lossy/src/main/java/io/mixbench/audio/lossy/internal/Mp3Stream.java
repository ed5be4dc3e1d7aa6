package io.mixbench.audio.lossy.internal;

import io.mixbench.audio.AbstractAudioStream;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.TruncatedAudioException;
import java.io.IOException;
import java.io.InputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.Obuffer;

/**
 * One MP3 file: JLayer decodes frame by frame into a float buffer (its own output would round to 16 bits), and
 * the samples are handed out after the gapless skip and up to the gapless end.
 */
final class Mp3Stream extends AbstractAudioStream {

    /** JLayer scales its synthesis output so that full scale is this value (to fit 16-bit output). */
    private static final float JLAYER_FULL_SCALE = 32700f;
    /** How far after the ID3 tags the first frame header must start, bytes. */
    private static final int SCAN_BYTES = 16 * 1024;
    /** ID3v2 header: "ID3", version (2), flags (1), synchsafe size (4). */
    private static final int ID3_HEADER_BYTES = 10;

    private final InputStream in;
    private final Bitstream bits;
    private final Decoder decoder;
    private final FloatOutput output;
    private final AudioFormat format;
    private final int channels;
    private final int sampleRateHz;
    private final int samplesPerFrame;
    /** Samples to deliver, or -1 when the file does not say. */
    private final long limit;
    private Header pending;
    private long skipLeft;
    private long delivered;
    private long framesDecoded;
    private int position;
    private int available;
    private boolean endOfData;

    private Mp3Stream(InputStream in, String source, Bitstream bits, Header first, GaplessInfo gapless) {
        super(source);
        this.in = in;
        this.bits = bits;
        this.pending = first;
        this.channels = first.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
        this.sampleRateHz = first.frequency();
        int version = first.version() == Header.MPEG1 ? 1 : first.version() == Header.MPEG2_LSF ? 2 : 25;
        MpegHeader mpeg = new MpegHeader(version, first.layer(), first.checksums(), sampleRateHz, channels == 1);
        this.samplesPerFrame = mpeg.samplesPerFrame();
        this.skipLeft = gapless.skipSamples();
        this.limit = gapless.deliveredSamples(samplesPerFrame);
        this.output = new FloatOutput(samplesPerFrame);
        this.decoder = new Decoder();
        decoder.setOutputBuffer(output);
        String layer = first.layer() == 3 ? "III" : first.layer() == 2 ? "II" : "I";
        String name = (first.layer() == 3 ? "MP3 " : "MPEG audio ") + "(MPEG-"
                + (version == 25 ? "2.5" : String.valueOf(version)) + " Layer " + layer + ")";
        this.format = new AudioFormat(sampleRateHz, channels == 1 ? ChannelLayout.MONO : ChannelLayout.STEREO, 0,
                SampleEncoding.LOSSY, limit, name);
    }

    /** Reads the tags and the first frame header. */
    static Mp3Stream open(InputStream in, String source) throws IOException {
        skipId3v2Tags(in, source);
        in.mark(SCAN_BYTES);
        byte[] scan = in.readNBytes(SCAN_BYTES);
        in.reset();
        int at = 0;
        MpegHeader first = null;
        while (at + 4 <= scan.length && (first = MpegHeader.parse(scan, at, scan.length)) == null) {
            at++;
        }
        if (first == null) {
            throw new AudioDecodeException(source, scan.length == 0
                    ? "the MP3 file has no audio frames (it ends after its ID3 tag)"
                    : "no MPEG audio frame header in the first " + scan.length + " bytes of audio data");
        }
        GaplessInfo gapless = GaplessInfo.parse(scan, at, scan.length, first);
        Bitstream bits = new Bitstream(in);
        try {
            Header header = bits.readFrame();
            if (header != null && gapless.tagFrame()) {
                bits.closeFrame();
                header = bits.readFrame();
            }
            if (header == null) {
                throw new AudioDecodeException(source, "the MP3 file has no audio frames");
            }
            return new Mp3Stream(in, source, bits, header, gapless);
        } catch (JavaLayerException e) {
            throw new AudioDecodeException(source, "the first MPEG audio frame cannot be read (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Skips ID3v2 tags by reading them: JLayer would allocate a buffer as large as the tag claims to be. */
    private static void skipId3v2Tags(InputStream in, String source) throws IOException {
        byte[] header = new byte[ID3_HEADER_BYTES];
        long offset = 0;
        while (true) {
            in.mark(ID3_HEADER_BYTES);
            int got = in.readNBytes(header, 0, ID3_HEADER_BYTES);
            if (got < ID3_HEADER_BYTES || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
                in.reset();
                return;
            }
            long size = (header[6] & 0x7FL) << 21 | (header[7] & 0x7FL) << 14 | (header[8] & 0x7FL) << 7
                    | (header[9] & 0x7FL);
            if ((header[5] & 0x10) != 0) {
                size += ID3_HEADER_BYTES; // footer
            }
            long left = size;
            byte[] scratch = new byte[4096];
            while (left > 0) {
                int n = in.read(scratch, 0, (int) Math.min(left, scratch.length));
                if (n < 0) {
                    throw new AudioDecodeException(source, "the ID3v2 tag at byte " + offset + " declares " + size
                            + " bytes, but the file ends after " + (offset + ID3_HEADER_BYTES + size - left)
                            + " bytes");
                }
                left -= n;
            }
            offset += ID3_HEADER_BYTES + size;
        }
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    protected int nextRun(int maxFrames) throws IOException {
        while (true) {
            if (limit >= 0 && delivered >= limit) {
                return 0;
            }
            if (position == available) {
                if (endOfData || !decodeNext()) {
                    endOfData = true;
                    return 0;
                }
                continue;
            }
            if (skipLeft > 0) {
                int skip = (int) Math.min(skipLeft, available - position);
                position += skip;
                skipLeft -= skip;
                continue;
            }
            int n = Math.min(maxFrames, available - position);
            if (limit >= 0) {
                n = (int) Math.min(n, limit - delivered);
            }
            return n;
        }
    }

    @Override
    protected void copyRun(float[][] block, int offset, int n) {
        for (int c = 0; c < channels; c++) {
            System.arraycopy(output.samples[c], position, block[c], offset, n);
        }
        position += n;
        delivered += n;
    }

    @Override
    protected int endOfData() throws IOException {
        if (limit >= 0 && delivered < limit) {
            throw new TruncatedAudioException(source(), delivered, limit);
        }
        return -1;
    }

    /** Decodes the next frame into {@link #output}; false at the end of the data. */
    private boolean decodeNext() throws IOException {
        Header header;
        try {
            header = pending != null ? pending : bits.readFrame();
            pending = null;
            if (header == null) {
                return false;
            }
            int frameChannels = header.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
            if (frameChannels != channels || header.frequency() != sampleRateHz) {
                throw new AudioDecodeException(source(), "MPEG audio frame " + framesDecoded + " changes the stream"
                        + " from " + channels + " channels at " + sampleRateHz + " Hz to " + frameChannels
                        + " channels at " + header.frequency() + " Hz");
            }
            decoder.decodeFrame(header, bits);
            bits.closeFrame();
        } catch (JavaLayerException | RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new AudioDecodeException(source(), "reading failed after " + delivered + " sample frames ("
                        + io.getMessage() + ")", io);
            }
            throw new AudioDecodeException(source(), "MPEG audio frame " + framesDecoded + " cannot be decoded ("
                    + e + ")", e);
        }
        if (output.count[0] != samplesPerFrame || (channels == 2 && output.count[1] != samplesPerFrame)) {
            throw new AudioDecodeException(source(), "MPEG audio frame " + framesDecoded + " decoded to "
                    + output.count[0] + " samples instead of " + samplesPerFrame);
        }
        framesDecoded++;
        position = 0;
        available = samplesPerFrame;
        return true;
    }

    @Override
    protected void closeInput() throws IOException {
        try {
            bits.close();
        } catch (JavaLayerException e) {
            throw new IOException(source() + ": closing failed", e);
        } finally {
            in.close();
        }
    }

    /** Keeps JLayer's synthesis output as floats, full scale 1.0; one frame at a time. */
    private static final class FloatOutput extends Obuffer {

        final float[][] samples;
        final int[] count = new int[2];

        FloatOutput(int samplesPerFrame) {
            samples = new float[2][samplesPerFrame];
        }

        @Override
        public void appendSamples(int channel, float[] f) {
            float[] into = samples[channel];
            int at = count[channel];
            if (at + 32 > into.length) {
                throw new IllegalStateException("the frame holds more than " + into.length + " samples");
            }
            for (int i = 0; i < 32; i++) {
                into[at + i] = f[i] / JLAYER_FULL_SCALE;
            }
            count[channel] = at + 32;
        }

        @Override
        public void append(int channel, short value) {
            throw new IllegalStateException("JLayer wrote a 16-bit sample; only float output is expected");
        }

        @Override
        public void write_buffer(int value) {
            // the samples stay in this buffer until read
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
            count[0] = 0;
            count[1] = 0;
        }

        @Override
        public void set_stop_flag() {
        }
    }
}
