package io.mixbench.audio.flac.internal;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * FLAC, 4 to 32 bits, 1 to 8 channels, decoded by this bundle's own decoder (see docs/decoders.md for why).
 * Recognised by the "fLaC" marker; a stream behind an ID3v2 tag only when the name ends in ".flac", since an MP3
 * starts with the same tag.
 */
@Component(service = AudioDecoder.class, property = AudioDecoder.FORMAT + "=flac")
public final class FlacDecoder implements AudioDecoder {

    private static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public String formatName() {
        return "FLAC";
    }

    @Override
    public boolean accepts(byte[] header, String fileName) {
        if (header == null || header.length < 4) {
            return false;
        }
        if (header[0] == 'f' && header[1] == 'L' && header[2] == 'a' && header[3] == 'C') {
            return true;
        }
        return header[0] == 'I' && header[1] == 'D' && header[2] == '3' && fileName != null
                && fileName.toLowerCase(Locale.ROOT).endsWith(".flac");
    }

    @Override
    public AudioStream open(InputStream in, String sourceName) throws IOException {
        try {
            BitReader reader = new BitReader(in, BUFFER_BYTES);
            FlacHeader header = new FlacHeaderParser(reader, sourceName).parse();
            return new FlacStream(in, sourceName, reader, header);
        } catch (IOException | RuntimeException | Error e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
