package io.mixbench.session;

import java.util.Locale;
import java.util.Optional;

/** What the session's part files are: they answer different questions (BRIEF §1.2). */
public enum ExportKind {
    /** Post-fader, post-pan exports: the static balance. The default. */
    STEMS("stems"),
    /** Pre-fader tracks as recorded: gain staging, polarity, alignment, health. */
    RAW_TRACKS("raw-tracks");

    private final String id;

    ExportKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ExportKind> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ExportKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
