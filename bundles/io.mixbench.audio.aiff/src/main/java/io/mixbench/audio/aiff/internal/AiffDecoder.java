package io.mixbench.audio.aiff.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.pcm.InterleavedPcmStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;

/**
 * AIFF and AIFF-C: big-endian integer PCM, AIFF-C {@code NONE}/{@code twos}, {@code sowt} (little-endian),
 * {@code in24}/{@code in32}, {@code raw } (8-bit unsigned) and {@code fl32}/{@code fl64} floats. Recognised by the
 * "FORM" ... "AIFF"/"AIFC" header only.
 */
@Component(service = AudioDecoder.class, property = AudioDecoder.FORMAT + "=aiff")
public final class AiffDecoder implements AudioDecoder {

    @Override
    public String formatName() {
        return "AIFF / AIFF-C";
    }

    @Override
    public boolean accepts(byte[] header, String fileName) {
        if (header == null || header.length < 12) {
            return false;
        }
        String form = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
        String type = new String(header, 8, 4, StandardCharsets.ISO_8859_1);
        return form.equals("FORM") && (type.equals("AIFF") || type.equals("AIFC"));
    }

    @Override
    public AudioStream open(InputStream in, String sourceName) throws IOException {
        try {
            AiffHeaderParser parser = new AiffHeaderParser(in, sourceName);
            AiffHeader header = parser.parse();
            return new InterleavedPcmStream(in, sourceName, header.format(), header.metadata(), header.sampleType(),
                    header.blockAlign(), header.ssndFrames(), parser::requireNoSecondSsnd);
        } catch (IllegalArgumentException e) {
            closeAfterFailure(in, e);
            throw new AudioDecodeException(sourceName, e.getMessage(), e);
        } catch (IOException | RuntimeException | Error e) {
            closeAfterFailure(in, e);
            throw e;
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
