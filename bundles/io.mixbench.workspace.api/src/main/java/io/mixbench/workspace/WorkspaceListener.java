package io.mixbench.workspace;

/** Hears what the installed program brings change. Called on framework threads; must return quickly. */
@org.osgi.annotation.versioning.ConsumerType
public interface WorkspaceListener {

    /** A rule came or went: results of open sessions are stale. */
    default void rulesChanged() {
    }

    /** A report format came or went. */
    default void reportFormatsChanged() {
    }

    /** A bundle was installed, started, stopped or uninstalled. */
    default void bundlesChanged() {
    }
}
