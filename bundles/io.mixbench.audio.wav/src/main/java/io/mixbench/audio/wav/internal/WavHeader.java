package io.mixbench.audio.wav.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.pcm.PcmEncoding;
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
record WavHeader(AudioFormat format, PcmEncoding sampleType, int blockAlign, long dataBytes,
        Map<String, String> metadata) {

    WavHeader {
        metadata = Map.copyOf(metadata);
    }
}
