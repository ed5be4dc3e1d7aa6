package io.mixbench.workspace;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.session.Deliverable;
import io.mixbench.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session a front end keeps open (the workbench window's): the session, the rule-set choice, the latest result
 * and the analysis running. Thread-safe. A new analysis supersedes a running one, whose result is never shown; when
 * rules come or go the session is analysed again once they have settled. Listeners hear every change in order, on
 * one thread of the open session's own (never the caller's), so a UI hops to its thread from there.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OpenSession {

    /**
     * How analyses of this open session run.
     *
     * @param useCache whether unchanged files' measurements may come from the analysis cache
     * @param ruleTimeLimit how long one rule may take
     * @param analyseOnOpen whether opening a session starts its analysis
     */
    record Settings(boolean useCache, Duration ruleTimeLimit, boolean analyseOnOpen) {
        /** The cache, the default rule time limit, analysis on open. */
        public static final Settings DEFAULT = new Settings(true,
                io.mixbench.analysis.AnalysisRequest.DEFAULT_RULE_TIME_LIMIT, true);
    }

    /** The session, or null when none is open. */
    Session session();

    /** The latest complete analysis of the session as it is now, or null (none yet, running, failed or cancelled). */
    AnalysisResult result();

    /** Whether an analysis is running. */
    boolean analysing();

    /** Why the last analysis did not complete (a rule set that does not load, a failure), or null. */
    String lastError();

    /** Opens inputs as the session ({@link Workspace#open}), replacing the open one, and analyses it when set to. */
    Session open(List<Path> inputs) throws IOException;

    /**
     * Adds files and folders ({@link Workspace#addFiles}) and analyses again. One session file, or a folder while
     * no session is open, is opened instead.
     *
     * @return the number of files added (0 when a session was opened instead, or nothing was new)
     */
    int addFiles(List<Path> paths) throws IOException;

    /** Replaces the session with an edited one (roles, tracks) and analyses it again. Nothing when none is open. */
    void update(Session edited);

    /** Saves the session file atomically; the session is then located there. */
    void save(Path target) throws IOException;

    /** Closes the session: cancels its analysis and forgets its result. */
    void closeSession();

    /** The rule-set choice: an id or a file; null for the session's own set, else the default. */
    String ruleSetChoice();

    /** Chooses the rule set and analyses again. */
    void chooseRuleSet(String choice);

    /** The id of the rule set the next analysis uses (the choice, the session's own, or the default). */
    String ruleSetId();

    /** What the mix is judged as when the session does not say; null to let the rule set or the audio decide. */
    void chooseDeliverable(Deliverable deliverable);

    /** Changes how analyses run; the next analysis uses them. */
    void configure(Settings settings);

    /**
     * Analyses the session, cancelling a running analysis. Returns at once.
     *
     * @return completes with the result when it is shown, else exceptionally: cancelled or superseded (also when
     *         the engine had finished first), failed, or no session open; never null
     */
    CompletableFuture<AnalysisResult> analyse();

    /** Cancels the running analysis; its result is never shown. */
    void cancel();

    void addListener(OpenSessionListener listener);

    void removeListener(OpenSessionListener listener);

    /** Ends the open session: cancels its analysis; it leaves {@link Workspace#openSessions()}. */
    void close();
}
