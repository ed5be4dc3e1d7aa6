package io.mixbench.workspace;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.session.Session;

/**
 * Hears an {@link OpenSession} change. Called in order, on the open session's own event thread; must return
 * quickly (a UI hops to its own thread).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface OpenSessionListener {

    /** The session was opened, edited, saved (its location changed) or closed (null). */
    default void sessionChanged(Session session) {
    }

    /**
     * An analysis started.
     *
     * @param tracks the number of tracks it measures
     * @param ruleSetId the rule set it uses
     */
    default void analysisStarted(int tracks, String ruleSetId) {
    }

    /** How the running analysis goes: share 0..1, never decreasing, and what it does. */
    default void progress(double fraction, String message) {
    }

    /** The latest result changed: a new one, or null (closed, or the session changed). */
    default void resultChanged(AnalysisResult result) {
    }

    /**
     * The running analysis was cancelled ({@link OpenSession#cancel()}). One superseded by a new analysis or ended by
     * a new or closed session is not reported here: {@link #analysisStarted} or {@link #sessionChanged} says it.
     */
    default void analysisCancelled() {
    }

    /** An analysis could not run or failed, in one sentence (e.g. a rule set that does not load). */
    default void analysisFailed(String message) {
    }
}
