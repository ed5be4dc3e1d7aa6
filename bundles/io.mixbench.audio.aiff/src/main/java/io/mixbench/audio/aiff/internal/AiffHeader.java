package io.mixbench.audio.aiff.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.pcm.PcmEncoding;
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
record AiffHeader(AudioFormat format, PcmEncoding sampleType, int blockAlign, long ssndFrames,
        Map<String, String> metadata) {
}
