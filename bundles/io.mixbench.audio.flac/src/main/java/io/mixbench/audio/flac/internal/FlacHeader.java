package io.mixbench.audio.flac.internal;

import io.mixbench.audio.AudioFormat;
import java.util.Map;

/**
 * What the metadata blocks before the first frame say.
 *
 * @param format the format handed to users
 * @param minBlockSize the smallest block size, in samples per channel, STREAMINFO declares
 * @param maxBlockSize the largest block size, in samples per channel, STREAMINFO declares
 * @param metadata Vorbis comments this decoder understands
 */
record FlacHeader(AudioFormat format, int minBlockSize, int maxBlockSize, Map<String, String> metadata) {
}
