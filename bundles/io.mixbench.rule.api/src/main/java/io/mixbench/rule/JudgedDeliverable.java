package io.mixbench.rule;

import io.mixbench.session.Deliverable;
import java.util.Objects;

/**
 * Which deliverable an analysis judged the mix as, and where that came from. Precedence ({@code docs/rules.md}): the
 * front end's choice (the CLI's {@code --deliverable}), then the session file's {@code deliverable}, then the rule
 * set's statement, then a guess from the audio.
 *
 * @param deliverable what the mix was judged as
 * @param source where that came from
 * @param reason for {@link Source#GUESSED} what decided it, with the figures ("from the audio (-13.4 LUFS, PLR 12.6
 *            LU, median PSR 11.9 LU, true peak -0.8 dBTP)", "from the session (it has parts)"); for
 *            {@link Source#RULE_SET} the rule set's id; may be empty
 */
public record JudgedDeliverable(Deliverable deliverable, Source source, String reason) {

    /** Where the deliverable came from. */
    public enum Source {
        /** The front end chose it for this analysis (the CLI's {@code --deliverable}). */
        OPTION("option"),
        /** The session file's {@code deliverable}. */
        SESSION("session"),
        /** The rule set's {@code deliverable}. */
        RULE_SET("rule-set"),
        /** Guessed from the audio, as nothing stated one. */
        GUESSED("guessed");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        /** The id in the JSON report: {@code option}, {@code session}, {@code rule-set}, {@code guessed}. */
        public String id() {
            return id;
        }
    }

    /** A pre-master, guessed: what a context that knows nothing else judges (today's rules' calibration). */
    public static final JudgedDeliverable PRE_MASTER_BY_DEFAULT = new JudgedDeliverable(Deliverable.PRE_MASTER,
            Source.GUESSED, "as nothing stated one");

    public JudgedDeliverable {
        Objects.requireNonNull(deliverable, "deliverable");
        Objects.requireNonNull(source, "source");
        reason = reason == null ? "" : reason;
    }

    public boolean is(Deliverable d) {
        return deliverable == d;
    }

    /**
     * One sentence for reports: "Judged as a master: guessed from the audio (-13.4 LUFS, PLR 12.6 LU, median PSR 11.9
     * LU, true peak -0.8 dBTP); pass --deliverable to choose."
     */
    public String describe() {
        return "Judged as " + summary() + ".";
    }

    /**
     * What {@link #describe()} says after "Judged as ", without the full stop, for a labelled line: "a master: guessed
     * from the audio (...); pass --deliverable to choose".
     */
    public String summary() {
        String from = switch (source) {
            case OPTION -> "chosen with --deliverable";
            case SESSION -> "the session file says so";
            case RULE_SET -> "rule set " + reason + " judges " + deliverable.id() + "s";
            case GUESSED -> reason.isEmpty() ? "guessed" : "guessed " + reason;
        };
        String choose = source == Source.GUESSED || source == Source.RULE_SET
                ? "; pass --deliverable to choose"
                : "";
        return deliverable.withArticle() + ": " + from + choose;
    }

    @Override
    public String toString() {
        return deliverable.id() + " (" + source.id() + ")";
    }
}
