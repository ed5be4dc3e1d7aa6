package io.mixbench.audio.lossy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VorbisDecoderTest {

    private final VorbisDecoder decoder = new VorbisDecoder();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz, {1} ch, q {2}")
    @CsvSource({"44100, 2, 5", "48000, 1, 3", "96000, 2, 8", "22050, 1, 0", "48000, 4, 4", "32000, 8, 2"})
    void gaplessLengthAndSamplesMatchFfmpeg(int rate, int channels, int quality) throws Exception {
        Ffmpeg.require();
        float[][] signal = Ffmpeg.signal(channels, rate, 1.23);
        Path ogg = Ffmpeg.encode(dir, signal, rate, "take.ogg", "-c:a", "libvorbis", "-q:a",
                String.valueOf(quality), "-metadata", "title=Take 3 – Größe");
        float[][] reference = Ffmpeg.decode(ogg, channels);
        if (channels == 8) {
            // ffmpeg delivers 7.1 as FL FR FC LFE BL BR SL SR; this decoder keeps Vorbis order (see layout())
            int[] ffmpegIndexOf = {0, 2, 1, 6, 7, 4, 5, 3};
            float[][] reordered = new float[8][];
            for (int c = 0; c < 8; c++) {
                reordered[c] = reference[ffmpegIndexOf[c]];
            }
            reference = reordered;
        }
        float[][] ours = Ffmpeg.decodeWith(decoder, ogg, 999);
        assertEquals(signal[0].length, ours[0].length, "the last page's granule position ends the stream");
        assertEquals(reference[0].length, ours[0].length, "same length as ffmpeg");
        double snr = Ffmpeg.snrDb(reference, ours);
        assertTrue(snr >= 90, "SNR against ffmpeg's decode " + snr + " dB");
        try (AudioStream s = decoder.open(Files.newInputStream(ogg), "take.ogg")) {
            assertEquals(rate, s.format().sampleRateHz());
            assertEquals(channels, s.format().channels());
            assertEquals(SampleEncoding.LOSSY, s.format().encoding());
            assertEquals("Take 3 – Größe", s.metadata().get(AudioMetadataKeys.TITLE));
        }
    }

    @Test
    void surroundFilesJOrbisCannotParseAreRefusedClearly() throws Exception {
        Ffmpeg.require();
        Path ogg = Ffmpeg.encode(dir, Ffmpeg.signal(6, 48000, 0.3), 48000, "five-one.ogg", "-c:a", "libvorbis");
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> decoder.open(Files.newInputStream(ogg), "five-one.ogg"));
        assertTrue(e.getMessage().startsWith("five-one.ogg: Ogg Vorbis with 6 channels is not supported"),
                e.getMessage());
    }

    @Test
    void vorbisChannelOrderIsNamed() {
        assertEquals(ChannelLayout.STEREO, VorbisStream.layout(2));
        assertEquals(List.of(Channel.LEFT, Channel.CENTRE, Channel.RIGHT, Channel.LEFT_SURROUND,
                Channel.RIGHT_SURROUND, Channel.LFE), VorbisStream.layout(6).channels());
        assertEquals(Channel.LFE, VorbisStream.layout(8).channels().get(7));
    }

    @Test
    void acceptsOggVorbisOnly() {
        byte[] page = new byte[64];
        System.arraycopy("OggS".getBytes(), 0, page, 0, 4);
        page[26] = 1;
        page[27] = 30;
        System.arraycopy(new byte[]{1, 'v', 'o', 'r', 'b', 'i', 's'}, 0, page, 28, 7);
        assertTrue(decoder.accepts(page, "x.bin"));
        byte[] opus = page.clone();
        System.arraycopy("OpusHead".getBytes(), 0, opus, 28, 8);
        assertFalse(decoder.accepts(opus, "x.ogg"), "Ogg Opus");
        assertFalse(decoder.accepts(Arrays.copyOf(page, 20), "x.ogg"), "too short");
        assertFalse(decoder.accepts("RIFF\0\0\0\0WAVE".getBytes(), "x.ogg"));
    }

    @Test
    void truncatedStreamIsReportedNotShortened() throws Exception {
        Ffmpeg.require();
        Path ogg = Ffmpeg.encode(dir, Ffmpeg.signal(2, 44100, 2), 44100, "cut.ogg", "-c:a", "libvorbis");
        byte[] whole = Files.readAllBytes(ogg);
        Files.write(ogg, Arrays.copyOf(whole, whole.length * 2 / 3));
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> Ffmpeg.decodeWith(decoder, ogg, 4096));
        assertTrue(e.getMessage().startsWith("cut.ogg: file is truncated: the Ogg Vorbis stream stops after "),
                e.getMessage());
    }

    @Test
    void damagedPageIsCorruptNotSkipped() throws Exception {
        Ffmpeg.require();
        Path ogg = Ffmpeg.encode(dir, Ffmpeg.signal(2, 44100, 2), 44100, "bent.ogg", "-c:a", "libvorbis");
        byte[] bent = Files.readAllBytes(ogg);
        bent[bent.length / 2] ^= 0x55;
        Files.write(ogg, bent);
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> Ffmpeg.decodeWith(decoder, ogg, 4096));
        assertTrue(e.getMessage().contains("an Ogg page is damaged (bad checksum) or data is missing"),
                e.getMessage());
    }

    @Test
    void headerProblemsNameTheFile() {
        byte[] onlyOggS = "OggS".getBytes();
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> decoder.open(new ByteArrayInputStream(onlyOggS), "short.ogg"));
        assertTrue(e.getMessage().startsWith("short.ogg: the file ends inside the Vorbis header packets"),
                e.getMessage());
        e = assertThrows(AudioDecodeException.class,
                () -> decoder.open(new ByteArrayInputStream(new byte[0]), "empty.ogg"));
        assertTrue(e.getMessage().startsWith("empty.ogg: "), e.getMessage());
    }
}
