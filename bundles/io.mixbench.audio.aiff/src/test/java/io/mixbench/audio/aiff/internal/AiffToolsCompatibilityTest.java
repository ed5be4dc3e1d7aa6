package io.mixbench.audio.aiff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.audio.testing.DecodedAudio;
import io.mixbench.audio.testing.ExternalTools;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.testing.Decoding;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by sox and ffmpeg decode to the samples those tools read from them. Skipped only where a tool is
 * missing outside CI; with CI=true a missing tool fails.
 */
class AiffToolsCompatibilityTest {

    private static final Decoding DECODING = new Decoding(AiffDecoder::new, "take 3.aif");

    /** Either tool's float output of a 32-bit sample is rounded to float precision. */
    private static final double FLOAT_STEP = 0x1p-24;

    @TempDir
    Path dir;

    @Test
    void soxWrittenFiles() throws IOException, InterruptedException {
        String sox = ExternalTools.require("sox");
        String[][] cases = {{"s16.aiff", "-b", "16"}, {"s24.aiff", "-b", "24"}, {"s32.aiff", "-b", "32"},
                {"s8.aiff", "-b", "8"}, {"fl32.aifc", "-e", "floating-point", "-b", "32"},
                {"fl64.aifc", "-e", "floating-point", "-b", "64"}, {"none24.aifc", "-b", "24"}};
        for (String[] c : cases) {
            Path file = dir.resolve(c[0]);
            String[] command = new String[c.length + 16];
            int n = 0;
            for (String s : new String[]{sox, "-D", "-n", "-r", "48000", "-c", "2"}) {
                command[n++] = s;
            }
            for (int i = 1; i < c.length; i++) {
                command[n++] = c[i];
            }
            for (String s : new String[]{file.toString(), "synth", "0.3", "sine", "997", "whitenoise", "vol",
                    "0.7"}) {
                command[n++] = s;
            }
            ExternalTools.run(java.util.Arrays.copyOf(command, n));
            Decoded mine = DECODING.decode(file);
            boolean wide = c[c.length - 1].equals("32") || c[c.length - 1].equals("64");
            DecodedAudio.assertSamples(ExternalTools.soxFloats(file), mine, wide ? FLOAT_STEP : 0, file.toString());
            assertEquals(mine.frames(), mine.format().frames());
        }
    }

    @Test
    void ffmpegWrittenFiles() throws IOException, InterruptedException {
        String ffmpeg = ExternalTools.require("ffmpeg");
        String[][] cases = {{"pcm_s16be", "16"}, {"pcm_s16le", "16"}, {"pcm_s24be", "24"}, {"pcm_s32be", "32"},
                {"pcm_s8", "8"}, {"pcm_f32be", "32"}, {"pcm_f64be", "64"}};
        for (String[] c : cases) {
            Path file = dir.resolve(c[0] + ".aiff");
            ExternalTools.run(ffmpeg, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "aevalsrc=0.8*sin(2*PI*440*t)|0.5*random(1)-0.25:s=44100:d=0.4", "-c:a", c[0], "-f", "aiff",
                    file.toString());
            Decoded mine = DECODING.decode(file);
            assertEquals(Integer.parseInt(c[1]), mine.format().bitsPerSample(), c[0]);
            boolean wide = !c[1].equals("16") && !c[1].equals("8") && !c[1].equals("24");
            DecodedAudio.assertSamples(ExternalTools.ffmpegFloats(file), mine, wide ? FLOAT_STEP : 0, file.toString());
        }
    }

    @Test
    void ffmpegSurroundFilesCarryTheirLayout() throws IOException, InterruptedException {
        String ffmpeg = ExternalTools.require("ffmpeg");
        Path file = dir.resolve("surround.aiff");
        ExternalTools.run(ffmpeg, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "aevalsrc=0.1|0.2|0.3|0.4|0.5|0.6*sin(2*PI*50*t):s=48000:d=0.2:c=5.1", "-c:a", "pcm_s24be",
                file.toString());
        Decoded mine = DECODING.decode(file);
        assertEquals(ChannelLayout.SURROUND_5_1, mine.format().layout());
        DecodedAudio.assertSamples(ExternalTools.ffmpegFloats(file), mine, 0, file.toString());
        assertEquals(0.3f, mine.samples()[2][100], 1e-6, "centre is the third channel");
    }
}
