package io.mixbench.workspace.internal;

import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Opening inputs as a session and adding files to one: what every front end's "open" and "add" mean. */
final class Sessions {

    private Sessions() {
    }

    static Session open(SessionStore store, List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) {
            throw new IOException("nothing to open: no folder, session file or audio file given");
        }
        if (inputs.size() == 1) {
            Path only = inputs.get(0);
            if (Files.isDirectory(only) && !looksLikeAudio(store, only)) {
                return store.open(only);
            }
            if (isSessionFile(only)) {
                return store.open(only);
            }
        }
        return store.fromFiles(inputs);
    }

    static boolean isSessionFile(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().endsWith("." + SessionStore.SESSION_FILE_EXTENSION);
    }

    /** A folder named like an audio file is a broken input, not a session folder. */
    private static boolean looksLikeAudio(SessionStore store, Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && store.audioFileExtensions().contains(name.substring(dot + 1));
    }

    /**
     * The session with the audio files of {@code paths} (folders: their audio files) added; files already in it
     * are skipped, names already taken get " 2", " 3"....
     */
    static Session addFiles(SessionStore store, Session session, List<Path> paths) throws IOException {
        List<Track> added = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                added.addAll(store.open(p).tracks());
            } else {
                files.add(p.toAbsolutePath());
            }
        }
        if (!files.isEmpty()) {
            added.addAll(store.fromFiles(files).tracks());
        }
        List<Track> tracks = new ArrayList<>(session == null ? List.of() : session.tracks());
        Set<String> names = new HashSet<>();
        Set<Path> present = new HashSet<>();
        for (Track t : tracks) {
            names.add(t.name());
            present.add(t.file());
        }
        int count = 0;
        for (Track t : added) {
            if (!present.add(t.file())) {
                continue;
            }
            String name = t.name();
            for (int n = 2; !names.add(name); n++) {
                name = t.name() + " " + n;
            }
            tracks.add(new Track(name, t.file(), t.role(), t.group()));
            count++;
        }
        if (count == 0) {
            return session;
        }
        return session != null
                ? session.withTracks(tracks)
                : new Session(paths.get(0).toAbsolutePath().getParent(), tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB,
                        null, Map.of());
    }

    /** The folder a session's relative paths and its own rule-set files are in. */
    static Path folder(Session session) {
        Path location = session.location();
        return Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
    }
}
