package io.mixbench.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A bundle of the running program, as the plug-in manager shows it.
 *
 * @param id the framework's bundle id
 * @param symbolicName its symbolic name
 * @param version its version
 * @param state its state
 * @param file its jar in the plug-in folder, or null when it came with the product
 * @param brings what it contributes, by kind ("rules", "meters", "reports", "views"): the ids its services carry
 *            when it runs, else the rules its component descriptions declare; a rule that cannot describe itself
 *            is among the problems instead
 * @param problems what went wrong with it, a line each ("rule x  cannot describe itself: ...", a start that
 *            failed)
 */
public record Plugin(long id, String symbolicName, String version, State state, Path file,
        Map<String, List<String>> brings, List<String> problems) {

    public Plugin {
        brings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(brings));
        problems = List.copyOf(problems);
    }

    /** Whether it lives in the plug-in folder. */
    public boolean plugin() {
        return file != null;
    }

    /** A bundle's state, in the words the front ends show. */
    public enum State {
        ACTIVE("active"), STARTING("starting"), RESOLVED("resolves (not started)"), INSTALLED(
                "does not resolve"), STOPPING("stopping"), UNINSTALLED("uninstalled");

        private final String words;

        State(String words) {
            this.words = words;
        }

        /** E.g. "resolves (not started)". */
        public String words() {
            return words;
        }
    }
}
