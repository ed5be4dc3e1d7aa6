package io.mixbench.audio.lossy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.TruncatedAudioException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Mp3DecoderTest {

    private final Mp3Decoder decoder = new Mp3Decoder();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz, {1} ch, {2}")
    @CsvSource({"44100, 2, -b:a 192k", "48000, 1, -q:a 2", "22050, 2, -b:a 64k", "8000, 1, -b:a 16k",
            "32000, 2, -b:a 128k -write_xing 0"})
    void gaplessLengthAndSamplesMatchFfmpeg(int rate, int channels, String options) throws Exception {
        Ffmpeg.require();
        float[][] signal = Ffmpeg.signal(channels, rate, 1.37);
        String[] args = ("-c:a libmp3lame " + options).split(" ");
        Path mp3 = Ffmpeg.encode(dir, signal, rate, "take.mp3", args);
        float[][] reference = Ffmpeg.decode(mp3, channels);
        float[][] ours = Ffmpeg.decodeWith(decoder, mp3, 1000);
        assertEquals(reference[0].length, ours[0].length, "same length as ffmpeg's gapless decode");
        if (!options.contains("write_xing 0") && rate >= 32000) {
            // at MPEG-2.5 rates ffmpeg itself keeps some padding, and the length equals ffmpeg's, as required
            assertEquals(signal[0].length, ours[0].length, "the encoder's delay and padding are trimmed");
        }
        double snr = Ffmpeg.snrDb(reference, ours);
        assertTrue(snr >= 90, "SNR against ffmpeg's decode " + snr + " dB");
        try (AudioStream s = decoder.open(Files.newInputStream(mp3), "take.mp3")) {
            assertEquals(rate, s.format().sampleRateHz());
            assertEquals(channels == 1 ? ChannelLayout.MONO : ChannelLayout.STEREO, s.format().layout());
            assertEquals(SampleEncoding.LOSSY, s.format().encoding());
            assertEquals(options.contains("write_xing 0") ? -1 : reference[0].length, s.format().frames());
            assertTrue(s.format().formatName().startsWith("MP3 (MPEG-"), s.format().formatName());
        }
    }

    @Test
    void acceptsMpegFramesAndId3TagsOnly() throws Exception {
        assertTrue(decoder.accepts(new byte[]{(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x44}, "a.bin"), "MPEG-1 L3");
        assertTrue(decoder.accepts(new byte[]{'I', 'D', '3', 4, 0, 0, 0, 0, 2, 1}, "a"), "ID3v2.4");
        assertFalse(decoder.accepts(new byte[]{(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}, "a.mp3"), "AAC ADTS");
        assertFalse(decoder.accepts(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "a.mp3"), "JPEG");
        assertFalse(decoder.accepts("RIFF\0\0\0\0WAVE".getBytes(), "a.mp3"), "WAV");
        assertFalse(decoder.accepts(new byte[]{(byte) 0xFF, (byte) 0xFB, (byte) 0xF0, 0x44}, "a.mp3"), "bad rate");
        assertFalse(decoder.accepts(new byte[]{'I', 'D', '3', 4, 0, 0, (byte) 0x80, 0, 0, 0}, "a"), "bad size");
        assertFalse(decoder.accepts(new byte[0], "a.mp3"));
    }

    @Test
    void truncatedFileWithAFrameCountIsReportedAsTruncated() throws Exception {
        Ffmpeg.require();
        Path mp3 = Ffmpeg.encode(dir, Ffmpeg.signal(2, 44100, 2), 44100, "cut.mp3", "-c:a", "libmp3lame");
        byte[] whole = Files.readAllBytes(mp3);
        Files.write(mp3, Arrays.copyOf(whole, whole.length / 2));
        TruncatedAudioException e = assertThrows(TruncatedAudioException.class,
                () -> Ffmpeg.decodeWith(decoder, mp3, 4096));
        assertTrue(e.getMessage().startsWith("cut.mp3: file is truncated"), e.getMessage());
        assertEquals(88200, e.framesDeclared());
        assertTrue(e.framesRead() > 30000 && e.framesRead() < 60000, e.getMessage());
    }

    @Test
    void id3TagThatClaimsMoreThanTheFileIsRejectedWithoutAllocatingIt() {
        // 0x7F7F7F7F synchsafe = 256 MiB - 1
        byte[] file = {'I', 'D', '3', 3, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, 1, 2, 3};
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> decoder.open(new ByteArrayInputStream(file), "tag.mp3"));
        assertTrue(e.getMessage().contains("the ID3v2 tag at byte 0 declares 268435455 bytes, but the file ends after"
                + " 13 bytes"), e.getMessage());
    }

    @Test
    void garbageAfterTheTagAndEmptyAudioAreNamed() {
        byte[] noFrames = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 2, 0, 0};
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> decoder.open(new ByteArrayInputStream(noFrames), "empty.mp3"));
        assertTrue(e.getMessage().contains("empty.mp3: the MP3 file has no audio frames"), e.getMessage());

        byte[] garbage = new byte[3000];
        Arrays.fill(garbage, (byte) 0x41);
        e = assertThrows(AudioDecodeException.class, () -> decoder.open(new ByteArrayInputStream(garbage), "g.mp3"));
        assertTrue(e.getMessage().contains("no MPEG audio frame header in the first 3000 bytes"), e.getMessage());
    }

    @Test
    void corruptFramesGiveADecodeErrorOrAudioButNeverAnotherException() throws Exception {
        Ffmpeg.require();
        Path mp3 = Ffmpeg.encode(dir, Ffmpeg.signal(2, 44100, 1), 44100, "bent.mp3", "-c:a", "libmp3lame");
        byte[] whole = Files.readAllBytes(mp3);
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 60; round++) {
            byte[] bent = whole.clone();
            for (int k = 0; k < 20; k++) {
                bent[400 + random.nextInt(bent.length - 400)] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("bent-" + round + ".mp3");
            Files.write(file, bent);
            try {
                float[][] samples = Ffmpeg.decodeWith(decoder, file, 777);
                for (float[] channel : samples) {
                    for (float v : channel) {
                        assertTrue(Float.isFinite(v), "finite samples");
                    }
                }
            } catch (AudioDecodeException e) {
                assertTrue(e.getMessage().startsWith("bent-" + round + ".mp3: "), e.getMessage());
            }
        }
    }

    @Test
    void readAfterCloseFails() throws IOException, InterruptedException {
        Ffmpeg.require();
        Path mp3 = Ffmpeg.encode(dir, Ffmpeg.signal(1, 44100, 0.2), 44100, "c.mp3", "-c:a", "libmp3lame");
        AudioStream s = decoder.open(Files.newInputStream(mp3), "c.mp3");
        s.close();
        assertThrows(IOException.class, () -> s.read(new float[1][10], 10));
    }
}
