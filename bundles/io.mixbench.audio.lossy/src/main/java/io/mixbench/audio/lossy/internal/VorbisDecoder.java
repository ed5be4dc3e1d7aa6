package io.mixbench.audio.lossy.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;

/**
 * Ogg Vorbis, decoded by JOrbis to float samples. Recognised by an Ogg page whose first packet is a Vorbis
 * identification header ("OggS" ... "\1vorbis"), so Ogg Opus or FLAC-in-Ogg files are left to other decoders.
 */
@Component(service = AudioDecoder.class, property = AudioDecoder.FORMAT + "=vorbis")
public final class VorbisDecoder implements AudioDecoder {

    private static final byte[] VORBIS_ID = {1, 'v', 'o', 'r', 'b', 'i', 's'};

    @Override
    public String formatName() {
        return "Ogg Vorbis";
    }

    @Override
    public boolean accepts(byte[] header, String fileName) {
        if (header == null || header.length < 28 || header[0] != 'O' || header[1] != 'g' || header[2] != 'g'
                || header[3] != 'S') {
            return false;
        }
        int packetAt = 27 + (header[26] & 0xFF);
        if (packetAt + VORBIS_ID.length > header.length) {
            return false;
        }
        for (int i = 0; i < VORBIS_ID.length; i++) {
            if (header[packetAt + i] != VORBIS_ID[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public AudioStream open(InputStream in, String sourceName) throws IOException {
        try {
            return VorbisStream.open(in, sourceName);
        } catch (IOException | RuntimeException | Error e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException) {
                throw new AudioDecodeException(sourceName, "the Vorbis headers cannot be read (" + e + ")", e);
            }
            throw e;
        }
    }
}
