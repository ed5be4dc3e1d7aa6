package io.mixbench.audio.wav.internal;

import io.mixbench.audio.AudioFormat;
import java.util.Map;

/**
 * What the chunks before the samples say.
 *
 * @param format the format handed to users
 * @param sampleType how one sample is stored
 * @param blockAlign bytes per frame
 * @param dataBytes the data chunk's size in bytes, or -1 when the samples run to the end of the file
 * @param metadata BWF, iXML and INFO fields of the chunks before the data (keys: AudioMetadataKeys)
 */
record WavHeader(AudioFormat format, SampleType sampleType, int blockAlign, long dataBytes,
        Map<String, String> metadata) {

    WavHeader {
        metadata = Map.copyOf(metadata);
    }

    /** Sample storage the decoder converts from. */
    enum SampleType {
        UNSIGNED_8(1), SIGNED_16(2), SIGNED_24(3), SIGNED_32(4), FLOAT_32(4), FLOAT_64(8);

        final int bytes;

        SampleType(int bytes) {
            this.bytes = bytes;
        }
    }
}
