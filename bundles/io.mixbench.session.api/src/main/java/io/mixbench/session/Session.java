package io.mixbench.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user opened: tracks (parts, at most one {@link Role#MIX}, any {@link Role#REFERENCE}s) and the
 * session's settings. Immutable.
 *
 * @param location the session file, or the folder the session was made from
 * @param tracks every track, in display order
 * @param exportKind whether the parts are stems or raw tracks
 * @param panLaw the pan law used to compare mono and stereo parts
 * @param ruleSet id of the chosen rule set, or null for the default
 * @param extra fields of the session file this version does not know, kept so they are written back
 * @param deliverable what the mix file is meant to be, as the session file states it, or null when it does not (the
 *            analysis then takes it from the rule set or guesses it from the audio)
 */
public record Session(Path location, List<Track> tracks, ExportKind exportKind, PanLaw panLaw, String ruleSet,
        Map<String, Object> extra, Deliverable deliverable) {

    public Session {
        tracks = List.copyOf(tracks);
        extra = Map.copyOf(extra);
        if (exportKind == null || panLaw == null) {
            throw new NullPointerException("exportKind and panLaw are required");
        }
    }

    /** A session that states no deliverable. */
    public Session(Path location, List<Track> tracks, ExportKind exportKind, PanLaw panLaw, String ruleSet,
            Map<String, Object> extra) {
        this(location, tracks, exportKind, panLaw, ruleSet, extra, null);
    }

    /** The stereo mix bounce, if the session has one. */
    public Optional<Track> mix() {
        return tracks.stream().filter(t -> t.role() == Role.MIX).findFirst();
    }

    /** The parts: every track that is neither the mix nor a reference. */
    public List<Track> parts() {
        return tracks.stream().filter(t -> t.role().isPart()).toList();
    }

    public List<Track> references() {
        return tracks.stream().filter(t -> t.role() == Role.REFERENCE).toList();
    }

    public List<Track> withRole(Role role) {
        return tracks.stream().filter(t -> t.role() == role).toList();
    }

    public Session withTracks(List<Track> newTracks) {
        return new Session(location, newTracks, exportKind, panLaw, ruleSet, extra, deliverable);
    }

    /** This session stating another deliverable (null: none). */
    public Session withDeliverable(Deliverable newDeliverable) {
        return new Session(location, tracks, exportKind, panLaw, ruleSet, extra, newDeliverable);
    }
}
