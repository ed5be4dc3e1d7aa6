package io.mixbench.audio.testing;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Decodes whole files with one decoder in small blocks, the way the analysis does (see {@link DecodedAudio}): bytes
 * under a fixed file name in 777-frame blocks (a size no format's frames divide), files in 4096-frame blocks.
 *
 * @param decoder a fresh decoder for each file
 * @param name the file name bytes are decoded under, as error messages show it
 */
public record Decoding(Supplier<AudioDecoder> decoder, String name) {

    /** Decodes {@code file}'s bytes under {@link #name()}. */
    public Decoded decode(byte[] file) throws IOException {
        return decode(new ByteArrayInputStream(file), name, 777);
    }

    public Decoded decode(Path file) throws IOException {
        return decode(new BufferedInputStream(Files.newInputStream(file)), file.toString(), 4096);
    }

    public Decoded decode(InputStream in, String fileName, int blockFrames) throws IOException {
        return DecodedAudio.decode(decoder.get(), in, fileName, blockFrames);
    }
}
