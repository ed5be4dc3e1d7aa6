package io.mixbench.plan.internal.render;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names made from track names: safe on every common file system, and unique (ignoring case, as macOS and
 * Windows do) among those given out. Not thread-safe.
 */
public final class FileNames {

    private static final int MOST_CHARS = 100;
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    private final Set<String> taken = new HashSet<>();

    /**
     * A name for {@code name} with {@code extension} (without the dot), unique among this object's: characters no
     * file system takes become "_", a leading dot and trailing dots and spaces go, a second "Kick" gets "Kick 2".
     */
    public String unique(String name, String extension) {
        String base = safe(name);
        String candidate = base;
        for (int n = 2; !taken.add((candidate + "." + extension).toLowerCase(Locale.ROOT)); n++) {
            candidate = base + " " + n;
        }
        return candidate + "." + extension;
    }

    /** {@code name} as a file name's base: "Lead Vox" stays, "Vox/Dbl" becomes "Vox_Dbl", "" becomes "Track". */
    public static String safe(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean bad = c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0;
            out.appendCodePoint(bad ? '_' : c);
        });
        String s = out.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.codePointCount(0, s.length()) > MOST_CHARS) {
            s = s.substring(0, s.offsetByCodePoints(0, MOST_CHARS));
        }
        while (s.endsWith(".") || s.endsWith(" ")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return "Track";
        }
        return WINDOWS_DEVICES.contains(s.toUpperCase(Locale.ROOT)) ? s + "_" : s;
    }
}
