/**
 * Audio input for Mixbench: the {@link io.mixbench.audio.AudioFormat} of a file, its
 * {@link io.mixbench.audio.ChannelLayout}, and the decoder SPI. A decoder is an
 * {@link io.mixbench.audio.AudioDecoder} service; the analysis picks one by the file's content and reads
 * the file as a stream of fixed-size blocks of float samples (full scale = 1.0) from an
 * {@link io.mixbench.audio.AudioStream}; {@link io.mixbench.audio.AbstractAudioStream} holds the read loop of a
 * stream that decodes in runs of its own length.
 */
@Export
@Version("1.3.0")
package io.mixbench.audio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
