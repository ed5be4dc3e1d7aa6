/**
 * Writing WAV files: {@link io.mixbench.audio.wav.WavWriter} streams planar float samples into a PCM or float
 * WAV file and moves it into place atomically when closed. Reading is the {@code audio.format=wav}
 * {@link io.mixbench.audio.AudioDecoder} service of this bundle.
 */
@Export
@Version("1.1.0")
package io.mixbench.audio.wav;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
