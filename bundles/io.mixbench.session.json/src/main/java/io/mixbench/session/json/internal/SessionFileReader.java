package io.mixbench.session.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.mixbench.session.Deliverable;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.SessionException;
import io.mixbench.session.Track;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads session files (format: docs/session-format.md). Every value is read with the line it starts on, so each
 * error names the file, the line and the problem.
 */
final class SessionFileReader {

    static final String FORMAT = "mixbench-session";
    static final int FORMAT_VERSION = 1;
    static final Set<String> KNOWN_FIELDS = Set.of("format", "formatVersion", "exportKind", "panLawDb", "ruleSet",
            "deliverable", "tracks");
    /** Session files are small; a larger file is not one, and reading it whole could exhaust memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    /** The words after Jackson's "was expecting", when they are words only (never the quoted token before them). */
    private static final Pattern EXPECTING = Pattern.compile("\\bexpect(?:ed|ing) ([A-Za-z][A-Za-z ,-]*)");

    /** A JSON value and the line it starts on; objects are LinkedHashMaps of Located, arrays Lists of Located. */
    private record Located(Object value, int line) {
    }

    private final Path file;
    private final Path folder;

    SessionFileReader(Path file) {
        this.file = file;
        this.folder = file.toAbsolutePath().normalize().getParent();
    }

    Session read() throws IOException {
        // A FIFO would block the read until a writer comes, a device (a link to /dev/zero) never end.
        if (!Files.isRegularFile(file)) {
            throw new SessionException(file + ": not a regular file (a FIFO, a device or another special file)");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new SessionException(file + ": not a session file (" + size + " bytes; session files are small)");
        }
        Located root = parse(Files.readAllBytes(file));
        if (!(root.value() instanceof Map<?, ?>)) {
            throw error(root.line(), "not a Mixbench session file: the file must hold one JSON object");
        }
        Map<String, Located> fields = object(root);

        Located format = fields.get("format");
        if (format == null) {
            throw error(root.line(), "not a Mixbench session file: no \"format\": \"" + FORMAT + "\" field");
        }
        if (!FORMAT.equals(format.value())) {
            throw error(format.line(), "not a Mixbench session file: \"format\" is " + show(format.value())
                    + ", expected \"" + FORMAT + "\"");
        }
        checkVersion(fields.get("formatVersion"), root.line());
        ExportKind exportKind = exportKind(fields.get("exportKind"));
        PanLaw panLaw = panLaw(fields.get("panLawDb"));
        String ruleSet = ruleSet(fields.get("ruleSet"));
        Deliverable deliverable = deliverable(fields.get("deliverable"));

        Located tracksField = fields.get("tracks");
        if (tracksField == null) {
            throw error(root.line(), "no \"tracks\" list");
        }
        if (!(tracksField.value() instanceof List<?>)) {
            throw error(tracksField.line(), "\"tracks\" must be a list of tracks");
        }
        List<Track> tracks = tracks(array(tracksField));

        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, Located> field : fields.entrySet()) {
            Object value = plain(field.getValue());
            // Session.extra cannot hold null; a top-level unknown field set to null is dropped.
            if (!KNOWN_FIELDS.contains(field.getKey()) && value != null) {
                extra.put(field.getKey(), value);
            }
        }
        return new Session(file.toAbsolutePath().normalize(), tracks, exportKind, panLaw, ruleSet, extra,
                deliverable);
    }

    private void checkVersion(Located version, int rootLine) throws SessionException {
        if (version == null) {
            throw error(rootLine, "no \"formatVersion\" field");
        }
        if (!(version.value() instanceof Integer || version.value() instanceof Long
                || version.value() instanceof BigInteger)) {
            throw error(version.line(), "\"formatVersion\" must be a whole number, was " + show(version.value()));
        }
        BigInteger v = new BigInteger(version.value().toString());
        if (v.compareTo(BigInteger.valueOf(FORMAT_VERSION)) > 0) {
            throw error(version.line(), "formatVersion " + v + " is newer than this Mixbench supports ("
                    + FORMAT_VERSION + "); a newer Mixbench is needed to open it");
        }
        if (v.signum() <= 0) {
            throw error(version.line(), "formatVersion " + v + " is not valid; versions start at 1");
        }
    }

    private ExportKind exportKind(Located value) throws SessionException {
        if (value == null) {
            return ExportKind.STEMS;
        }
        String valid = Arrays.stream(ExportKind.values()).map(k -> "\"" + k.id() + "\"")
                .collect(Collectors.joining(", "));
        if (!(value.value() instanceof String id)) {
            throw error(value.line(), "\"exportKind\" must be one of " + valid + ", was " + show(value.value()));
        }
        return ExportKind.fromId(id).orElseThrow(
                () -> error(value.line(), "unknown exportKind " + show(id) + "; valid kinds: " + valid));
    }

    private Deliverable deliverable(Located value) throws SessionException {
        if (value == null || value.value() == null) {
            return null;
        }
        String valid = Arrays.stream(Deliverable.values()).map(d -> "\"" + d.id() + "\"")
                .collect(Collectors.joining(", "));
        if (!(value.value() instanceof String id)) {
            throw error(value.line(), "\"deliverable\" must be one of " + valid + ", was " + show(value.value()));
        }
        return Deliverable.fromId(id).orElseThrow(
                () -> error(value.line(), "unknown deliverable " + show(id) + "; valid deliverables: " + valid));
    }

    private PanLaw panLaw(Located value) throws SessionException {
        if (value == null) {
            return PanLaw.MINUS_3_DB;
        }
        String problem = "panLawDb must be 0, -3, -4.5 or -6 (dB), was " + show(value.value());
        if (!(value.value() instanceof Number number)) {
            throw error(value.line(), problem);
        }
        return PanLaw.ofDb(number.doubleValue()).orElseThrow(() -> error(value.line(), problem));
    }

    private String ruleSet(Located value) throws SessionException {
        if (value == null || value.value() == null) {
            return null;
        }
        if (!(value.value() instanceof String id) || id.isBlank()) {
            throw error(value.line(), "\"ruleSet\" must be a rule set id such as \"default\", was "
                    + show(value.value()));
        }
        // An id, or a rule-set file inside the session folder: never a path elsewhere (the analysis would read it).
        String portable = id.replace('\\', '/');
        boolean inside;
        try {
            inside = !portable.startsWith("/") && !portable.matches("^[A-Za-z]:.*")
                    && folder.resolve(portable).normalize().startsWith(folder);
        } catch (java.nio.file.InvalidPathException e) {
            inside = false;
        }
        if (!inside) {
            throw error(value.line(), "\"ruleSet\" must be a rule set id such as \"default\" or a rule-set file"
                    + " inside the session's folder; " + show(id) + " is outside it");
        }
        return id;
    }

    private List<Track> tracks(List<Located> items) throws SessionException {
        List<Track> tracks = new ArrayList<>();
        Map<String, Integer> nameLines = new HashMap<>();
        Integer mixLine = null;
        for (int i = 0; i < items.size(); i++) {
            Located item = items.get(i);
            String which = "track " + (i + 1);
            if (!(item.value() instanceof Map<?, ?>)) {
                throw error(item.line(), which + " must be an object with \"name\", \"file\" and \"role\"");
            }
            Map<String, Located> fields = object(item);
            Located fileField = fields.get("file");
            if (fileField == null) {
                throw error(item.line(), which + " has no \"file\"");
            }
            String relative = string(fileField, which + ": \"file\"");
            Path audio = resolve(relative, fileField.line(), which);

            String name = RoleGuesser.displayName(TrackGuesser.fileName(audio));
            Located nameField = fields.get("name");
            if (nameField != null) {
                name = string(nameField, which + ": \"name\"").strip();
                if (name.isEmpty()) {
                    throw error(nameField.line(), which + ": \"name\" is empty");
                }
            }
            which = "track \"" + name + "\"";
            int nameLine = nameField != null ? nameField.line() : item.line();
            Integer earlier = nameLines.putIfAbsent(name, nameLine);
            if (earlier != null) {
                throw error(nameLine, "duplicate track name \"" + name + "\" (also on line " + earlier + ")");
            }

            Role role;
            Located roleField = fields.get("role");
            if (roleField == null) {
                role = RoleGuesser.guess(TrackGuesser.fileName(audio));
            } else {
                String id = string(roleField, which + ": \"role\"");
                role = Role.fromId(id).orElseThrow(() -> error(roleField.line(), "unknown role " + show(id)
                        + "; valid roles: " + Arrays.stream(Role.values()).map(Role::id)
                                .collect(Collectors.joining(", "))));
            }
            int roleLine = roleField != null ? roleField.line() : item.line();
            if (role == Role.MIX) {
                if (mixLine != null) {
                    throw error(roleLine, "more than one track has the role \"mix\" (also on line " + mixLine
                            + "); a session has at most one mix");
                }
                mixLine = roleLine;
            }

            String group = null;
            Located groupField = fields.get("group");
            if (groupField != null && groupField.value() != null) {
                group = string(groupField, which + ": \"group\"").strip();
                group = group.isEmpty() ? null : group;
            }
            if (!Files.exists(audio)) {
                throw error(fileField.line(), which + ": file " + relative + " does not exist (" + audio + ")");
            }
            tracks.add(new Track(name, audio, role, group));
        }
        return tracks;
    }

    /** The absolute path of a track file; it must stay inside the session file's folder. */
    private Path resolve(String relative, int line, String which) throws SessionException {
        String portable = relative.replace('\\', '/');
        boolean absolute = portable.startsWith("/") || portable.matches("^[A-Za-z]:.*");
        if (portable.isBlank()) {
            throw error(line, which + ": \"file\" is empty");
        }
        if (absolute) {
            throw error(line, which + ": file " + show(relative)
                    + " is an absolute path; paths are relative to the session file's folder");
        }
        Path resolved;
        try {
            resolved = folder.resolve(portable).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw error(line, which + ": file " + show(relative) + " is not a valid path");
        }
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw error(line, which + ": file " + show(relative)
                    + " is outside the session file's folder; session files only refer to files in their"
                    + " folder or below");
        }
        return resolved;
    }

    private String string(Located value, String what) throws SessionException {
        if (value.value() instanceof String s) {
            return s;
        }
        throw error(value.line(), what + " must be a string, was " + show(value.value()));
    }

    private Located parse(byte[] bytes) throws SessionException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw error(1, "not JSON: the file is empty");
            }
            Located root = value(parser);
            if (parser.nextToken() != null) {
                throw error(line(parser), "not JSON: unexpected content after the session object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Not e.getMessage(): Jackson quotes the offending token, and the file may be anything (a key file).
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw error(line, "not JSON" + (column > 0 ? " at column " + column : "") + jsonExpectation(e), e);
        } catch (SessionException e) {
            throw e;
        } catch (IOException e) {
            throw new SessionException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String jsonExpectation(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("end-of-input")) {
            return ": the file ends inside a value";
        }
        if (message.startsWith("Duplicate field")) {
            return ": a field appears twice in one object";
        }
        Matcher expecting = EXPECTING.matcher(message);
        return expecting.find() ? ": expected " + expecting.group(1).strip() : "";
    }

    /** Reads the value at the current token. */
    private static Located value(JsonParser p) throws IOException {
        int line = line(p);
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Located> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, value(p));
                }
                return new Located(fields, line);
            }
            case START_ARRAY -> {
                List<Located> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                return new Located(items, line);
            }
            case VALUE_STRING -> {
                return new Located(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new Located(p.getNumberValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Located(p.getDoubleValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Located(token == JsonToken.VALUE_TRUE, line);
            }
            case VALUE_NULL -> {
                return new Located(null, line);
            }
            default -> throw new JsonParseException(p, "unexpected " + token);
        }
    }

    /** A located value as plain, unmodifiable Java values (maps keep their order; nulls are kept inside). */
    private static Object plain(Located located) {
        Object v = located.value();
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put((String) k, plain((Located) val)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain((Located) item)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Located> object(Located located) {
        return (Map<String, Located>) located.value();
    }

    @SuppressWarnings("unchecked")
    private static List<Located> array(Located located) {
        return (List<Located>) located.value();
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }

    private SessionException error(int line, String problem) {
        return new SessionException(file + ", line " + line + ": " + problem);
    }

    private SessionException error(int line, String problem, Throwable cause) {
        return new SessionException(file + ", line " + line + ": " + problem, cause);
    }
}
