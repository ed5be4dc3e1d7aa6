package io.mixbench.session;

import java.util.Locale;
import java.util.Optional;

/**
 * What the session's mix file is meant to be: the rules judge a mix, a pre-master and a master differently (a
 * master is limited on purpose; a pre-master leaves mastering its headroom). Format: {@code docs/session-format.md}.
 */
public enum Deliverable {
    /** A bounce for judging the balance: a mix in progress, not yet prepared for mastering. */
    MIX("mix", "a mix"),
    /** The mix file that goes to mastering: headroom, no bus limiting, a moderate loudness. */
    PRE_MASTER("pre-master", "a pre-master"),
    /** A finished master: limited to its ceiling at its release loudness. */
    MASTER("master", "a master");

    private final String id;
    private final String withArticle;

    Deliverable(String id, String withArticle) {
        this.id = id;
        this.withArticle = withArticle;
    }

    /** The id in session files, rule sets and reports: {@code mix}, {@code pre-master}, {@code master}. */
    public String id() {
        return id;
    }

    /** The name with its article, for sentences: "a pre-master". */
    public String withArticle() {
        return withArticle;
    }

    public static Optional<Deliverable> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Deliverable d : values()) {
            if (d.id.equals(wanted)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
