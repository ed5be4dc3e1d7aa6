package io.mixbench.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to render a plan.
 *
 * @param folder the folder to write the moved stems, the new mix and the session file into; created when missing.
 *        It must not be the folder of the session's own files (they are never overwritten)
 * @param sampleFormat how the rendered WAV files store samples
 */
public record RenderRequest(Path folder, SampleFormat sampleFormat) {

    /** How rendered files store samples. */
    public enum SampleFormat {
        /** 32-bit IEEE floats: nothing is lost, and nothing clips in the file. */
        FLOAT_32,
        /**
         * The bit depth of each source file's PCM (16 or 24 bits; 32-bit integer and float sources stay 32-bit
         * float), reduced with TPDF dither.
         */
        SOURCE_PCM
    }

    public RenderRequest {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(sampleFormat, "sampleFormat");
    }
}
