package io.mixbench.session;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a session.
 *
 * @param name display name, unique within the session, e.g. "Lead Vox"
 * @param file absolute path of the audio file
 * @param role what the track is
 * @param group multi-mic group it belongs to (e.g. "Kick" for Kick In and Kick Out), or null
 */
public record Track(String name, Path file, Role role, String group) {

    public Track {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(role, "role");
    }

    public Track withRole(Role newRole) {
        return new Track(name, file, newRole, group);
    }
}
