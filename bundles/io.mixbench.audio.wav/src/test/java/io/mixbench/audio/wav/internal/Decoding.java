package io.mixbench.audio.wav.internal;

import io.mixbench.audio.testing.DecodedAudio;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decodes whole files with the WAV decoder in small blocks, the way the analysis does (see {@link DecodedAudio}). */
final class Decoding {

    static final String NAME = "take 3.wav";

    private Decoding() {
    }

    static Decoded decode(byte[] file) throws IOException {
        return decode(new ByteArrayInputStream(file), NAME, 777);
    }

    static Decoded decode(Path file) throws IOException {
        return decode(new BufferedInputStream(Files.newInputStream(file)), file.toString(), 4096);
    }

    static Decoded decode(InputStream in, String name, int blockFrames) throws IOException {
        return DecodedAudio.decode(new WavDecoder(), in, name, blockFrames);
    }
}
