package io.mixbench.audio.lossy.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;

/**
 * MPEG-1, 2 and 2.5 audio, layers I to III (in practice MP3), decoded by JLayer to float samples, trimmed gaplessly
 * as ffmpeg trims them (see {@link GaplessInfo}). Recognised by an ID3v2 tag or an MPEG audio frame header at the
 * start of the file.
 */
@Component(service = AudioDecoder.class, property = AudioDecoder.FORMAT + "=mp3")
public final class Mp3Decoder implements AudioDecoder {

    @Override
    public String formatName() {
        return "MP3";
    }

    @Override
    public boolean accepts(byte[] header, String fileName) {
        if (header == null || header.length < 4) {
            return false;
        }
        if (header.length >= 10 && header[0] == 'I' && header[1] == 'D' && header[2] == '3') {
            // ID3v2.2 to 2.4; the size bytes are synchsafe (high bit clear)
            return header[3] >= 2 && header[3] <= 4 && (header[6] | header[7] | header[8] | header[9]) >= 0;
        }
        return MpegHeader.parse(header, 0, header.length) != null;
    }

    @Override
    public AudioStream open(InputStream in, String sourceName) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        try {
            return Mp3Stream.open(buffered, sourceName);
        } catch (IOException | RuntimeException | Error e) {
            try {
                buffered.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException) {
                throw new AudioDecodeException(sourceName, "the MP3 header cannot be read (" + e + ")", e);
            }
            throw e;
        }
    }
}
