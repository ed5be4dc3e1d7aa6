package io.mixbench.audio.aiff.internal;

import io.mixbench.audio.AudioFormat;
import java.util.Map;

/**
 * What the chunks before the samples say.
 *
 * @param format the format handed to users; its frame count is the COMM chunk's
 * @param sampleType how one sample is stored
 * @param blockAlign bytes per frame
 * @param ssndFrames whole frames the SSND chunk's size leaves room for
 * @param metadata text chunks read before SSND
 */
record AiffHeader(AudioFormat format, SampleType sampleType, int blockAlign, long ssndFrames,
        Map<String, String> metadata) {

    /** Sample storage the decoder converts from. */
    enum SampleType {
        SIGNED_8(1), UNSIGNED_8(1), S16_BE(2), S16_LE(2), S24_BE(3), S24_LE(3), S32_BE(4), S32_LE(4), F32_BE(4), F64_BE(
                8);

        final int bytes;

        SampleType(int bytes) {
            this.bytes = bytes;
        }

        boolean isFloat() {
            return this == F32_BE || this == F64_BE;
        }
    }
}
