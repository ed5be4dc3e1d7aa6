package io.mixbench.ui;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.session.Session;

/**
 * Hears what changes in the workbench. Every method is called on the UI thread; each has an empty default, so a
 * view implements only what it shows.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface WorkbenchListener {

    /**
     * The open session changed: another one was opened, tracks or roles were edited, or it was closed.
     *
     * @param session the session, or null when none is open
     */
    default void sessionChanged(Session session) {
    }

    /**
     * A new analysis result is available, or the result was cleared (a new session, a cancelled analysis).
     *
     * @param result the result, or null
     */
    default void resultChanged(AnalysisResult result) {
    }

    /** The shared selection changed. */
    default void selectionChanged(Selection selection) {
    }
}
