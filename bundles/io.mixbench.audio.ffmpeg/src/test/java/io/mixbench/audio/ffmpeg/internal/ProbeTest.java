package io.mixbench.audio.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ffprobe's answers, good and bad, without running ffprobe. */
class ProbeTest {

    @Test
    void readsRateChannelsAndLayout() throws AudioDecodeException {
        Probe p = Probe.parse("codec_name=wavpack\nsample_rate=96000\nchannels=6\nchannel_layout=5.1(side)\n", "",
                "a.wv");
        assertEquals("wavpack", p.codec());
        assertEquals(96000, p.sampleRateHz());
        assertEquals(ChannelLayout.SURROUND_5_1, p.layout());
        Probe seven = Probe.parse("sample_rate=48000\nchannels=8\nchannel_layout=7.1\n", "", "a.wv");
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LFE, Channel.LEFT_BACK,
                Channel.RIGHT_BACK, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND), seven.layout().channels());
        Probe unknown = Probe.parse("sample_rate=48000\r\nchannels=3\r\nchannel_layout=unknown\r\n", "", "a.wv");
        assertEquals(ChannelLayout.defaultFor(3), unknown.layout());
        Probe mismatch = Probe.parse("sample_rate=48000\nchannels=2\nchannel_layout=5.1\n", "", "a.wv");
        assertEquals(ChannelLayout.STEREO, mismatch.layout());
    }

    @Test
    void badAnswersGiveClearErrors() {
        expect("a.wv: ffmpeg finds no audio stream in the file (ffprobe: pipe:0: Invalid data found)", "",
                "pipe:0: Invalid data found");
        expect("a.wv: ffmpeg finds no audio stream in the file", "codec_name=h264\n", "");
        expect("a.wv: the audio stream (pcm_s16le) has 0 channels", "codec_name=pcm_s16le\nsample_rate=44100\n"
                + "channels=0\n", "");
        expect("a.wv: the audio stream has 64 channels; at most 32 are supported", "sample_rate=44100\n"
                + "channels=64\n", "");
        expect("a.wv: the audio stream: sample rate 0 Hz is not supported (8000 to 768000 Hz)", "sample_rate=0\n"
                + "channels=2\n", "");
        expect("a.wv: the audio stream (pcm_s16le): sample rate 1 Hz is not supported (8000 to 768000 Hz)",
                "codec_name=pcm_s16le\nsample_rate=1\nchannels=2\n", "");
        expect("a.wv: the audio stream (pcm_f32le): sample rate 2000000 Hz is not supported", "codec_name=pcm_f32le\n"
                + "sample_rate=2000000\nchannels=2\n", "");
        expect("a.wv: the audio stream: sample rate N/A Hz is not supported", "sample_rate=N/A\nchannels=2\n", "");
    }

    private static void expect(String message, String output, String errors) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> Probe.parse(output, errors,
                "a.wv"));
        assertEquals(message, e.getMessage().substring(0, Math.min(message.length(), e.getMessage().length())));
    }
}
