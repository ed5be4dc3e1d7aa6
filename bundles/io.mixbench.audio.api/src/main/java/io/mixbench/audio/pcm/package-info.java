/**
 * Help for decoders of interleaved PCM containers (WAV, AIFF and the like): reading a chunked header
 * ({@link io.mixbench.audio.pcm.ChunkInput}), how a sample is stored ({@link io.mixbench.audio.pcm.PcmEncoding}) and
 * an {@link io.mixbench.audio.AudioStream} over the frames of such a container
 * ({@link io.mixbench.audio.pcm.InterleavedPcmStream}), with the errors a broken file needs, and what is checked after the
 * samples ({@link io.mixbench.audio.pcm.AfterSamples}, {@link io.mixbench.audio.pcm.ChunkInput#requireNoSecond}).
 */
@Export
@Version("1.0.0")
package io.mixbench.audio.pcm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
