package io.mixbench.meter;

import io.mixbench.audio.AudioFormat;

/**
 * A track as a {@link CrossTrackMeterFactory} sees it when it chooses which tracks to measure together.
 *
 * @param name the track's display name
 * @param role the track's role id ({@code "kick"}, {@code "mix"}, ...; see io.mixbench.session.Role)
 * @param group the multi-mic group the track belongs to, or null
 * @param format the decoded format
 */
public record TrackInfo(String name, String role, String group, AudioFormat format) {
}
