package io.mixbench.workbench.internal;

import io.mixbench.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The workbench's preferences and remembered layout: {@code $XDG_CONFIG_HOME/mixbench/workbench.properties}, else
 * {@code ~/.config/mixbench/workbench.properties}. Read once at start, written when the window closes.
 */
final class Preferences {

    static final String FILE_NAME = "workbench.properties";
    static final int MAX_RECENT = 8;

    /** Whether opening a session analyses it at once. */
    static final String ANALYSE_ON_OPEN = "analysis.onOpen";
    /** Whether measurements of unchanged files come from the analysis cache. */
    static final String USE_CACHE = "analysis.useCache";
    /** The rule set chosen in the rule-set editor; empty for the session's own or the default. */
    static final String ACTIVE_RULE_SET = "ruleSet.active";

    private final Path file;
    private final Properties values = new Properties();

    Preferences(Path file) {
        this.file = file;
    }

    static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("mixbench").resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /** Loads the file; a missing or unreadable file leaves the defaults. */
    Preferences load() {
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
            }
        }
        return this;
    }

    void save() throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            values.store(w, "Mixbench workbench preferences and layout");
            w.flush();
        });
    }

    String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    boolean flag(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    /** Integers stored as "a,b,c"; null when missing or malformed or of another length. */
    int[] ints(String key, int length) {
        String v = values.getProperty(key);
        if (v == null) {
            return null;
        }
        String[] parts = v.split(",");
        if (parts.length != length) {
            return null;
        }
        int[] out = new int[length];
        try {
            for (int i = 0; i < length; i++) {
                out[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    void putInts(String key, int[] ints) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ints.length; i++) {
            s.append(i == 0 ? "" : ",").append(ints[i]);
        }
        values.setProperty(key, s.toString());
    }

    List<String> recent() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = values.getProperty("recent." + i);
            if (v != null && !v.isBlank()) {
                list.add(v);
            }
        }
        return list;
    }

    void addRecent(String path) {
        List<String> list = recent();
        list.remove(path);
        list.add(0, path);
        for (int i = 0; i < MAX_RECENT; i++) {
            put("recent." + i, i < list.size() ? list.get(i) : null);
        }
    }
}
