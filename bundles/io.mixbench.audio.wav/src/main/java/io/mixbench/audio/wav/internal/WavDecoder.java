package io.mixbench.audio.wav.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.pcm.InterleavedPcmStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;

/**
 * WAV, BWF and RF64/BW64: integer PCM (8-bit unsigned, 16, 24, 32-bit), IEEE float (32, 64-bit) and
 * WAVE_FORMAT_EXTENSIBLE with either sub-format. Recognised by the "RIFF"/"RF64"/"BW64" ... "WAVE" header only.
 */
@Component(service = AudioDecoder.class, property = AudioDecoder.FORMAT + "=wav")
public final class WavDecoder implements AudioDecoder {

    @Override
    public String formatName() {
        return "WAV / BWF / RF64";
    }

    @Override
    public boolean accepts(byte[] header, String fileName) {
        if (header == null || header.length < 12) {
            return false;
        }
        String container = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
        String wave = new String(header, 8, 4, StandardCharsets.ISO_8859_1);
        return wave.equals("WAVE")
                && (container.equals("RIFF") || container.equals("RF64") || container.equals("BW64"));
    }

    @Override
    public AudioStream open(InputStream in, String sourceName) throws IOException {
        try {
            WavHeaderParser parser = new WavHeaderParser(in, sourceName);
            WavHeader header = parser.parse();
            return new InterleavedPcmStream(in, sourceName, header.format(), header.metadata(), header.sampleType(),
                    header.blockAlign(), header.format().frames(), parser::requireNoSecondData);
        } catch (IllegalArgumentException e) {
            closeAfterFailure(in, e);
            throw new AudioDecodeException(sourceName, e.getMessage(), e);
        } catch (AudioDecodeException | RuntimeException | Error e) {
            closeAfterFailure(in, e);
            throw e;
        } catch (IOException e) {
            closeAfterFailure(in, e);
            throw new AudioDecodeException(sourceName, "reading the header failed: " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(InputStream in, Throwable failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
