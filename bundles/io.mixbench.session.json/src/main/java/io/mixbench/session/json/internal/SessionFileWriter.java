package io.mixbench.session.json.internal;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import io.mixbench.files.AtomicFiles;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Session;
import io.mixbench.session.SessionException;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes session files: fields in a fixed order (known fields, then unknown ones sorted by name), two-space
 * indentation, '\n' line ends, file paths relative to the session file with '/' separators. Written with
 * {@link AtomicFiles}: a crash leaves the old file or the new one.
 */
final class SessionFileWriter {

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final JSON JSON_WRITER = JSON.std
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(INDENTER).withArrayIndenter(INDENTER))
            .with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES);

    private SessionFileWriter() {
    }

    static void write(Session session, Path sessionFile) throws IOException {
        Path target = sessionFile.toAbsolutePath().normalize();
        String text = JSON_WRITER.asString(document(session, target)) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    static Map<String, Object> document(Session session, Path target) throws SessionException {
        Path folder = target.getParent();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", SessionFileReader.FORMAT);
        root.put("formatVersion", SessionFileReader.FORMAT_VERSION);
        root.put("exportKind", session.exportKind().id());
        root.put("panLawDb", panLawNumber(session.panLaw()));
        if (session.ruleSet() != null) {
            root.put("ruleSet", session.ruleSet());
        }
        if (session.deliverable() != null) {
            root.put("deliverable", session.deliverable().id());
        }
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (Track track : session.tracks()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", track.name());
            t.put("file", relativePath(folder, track, target));
            t.put("role", track.role().id());
            if (track.group() != null) {
                t.put("group", track.group());
            }
            tracks.add(t);
        }
        root.put("tracks", tracks);
        for (Map.Entry<String, Object> extra : new TreeMap<>(session.extra()).entrySet()) {
            if (!SessionFileReader.KNOWN_FIELDS.contains(extra.getKey())) {
                root.put(extra.getKey(), extra.getValue());
            }
        }
        return root;
    }

    /** -3 rather than -3.0, so that files read as they are documented. */
    private static Number panLawNumber(PanLaw law) {
        double db = law.centreGainDb();
        return db == Math.rint(db) ? (Number) (int) db : (Number) db;
    }

    private static String relativePath(Path folder, Track track, Path target) throws SessionException {
        Path file = track.file().toAbsolutePath().normalize();
        if (!file.startsWith(folder) || file.equals(folder)) {
            throw new SessionException(target + ": track \"" + track.name() + "\" (" + file
                    + ") is outside the session file's folder " + folder
                    + "; save the session file in a folder that contains all its tracks");
        }
        List<String> parts = new ArrayList<>();
        for (Path part : folder.relativize(file)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }
}
