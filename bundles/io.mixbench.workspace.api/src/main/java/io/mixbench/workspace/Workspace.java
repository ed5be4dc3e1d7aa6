package io.mixbench.workspace;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The application layer shared by every front end. An OSGi service; thread-safe. Every method that touches the
 * file system throws {@link IOException} with a message naming the file and the problem, fit to show a user.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Workspace {

    /** The extension of session files, without the dot: {@value}. */
    String SESSION_FILE_EXTENSION = io.mixbench.session.SessionStore.SESSION_FILE_EXTENSION;

    // ---- sessions

    /**
     * Opens inputs as a session: one folder of stems (roles guessed from file names), one session file, or audio
     * files (one bounce alone is the mix). A folder named like an audio file is taken for a broken file, not a
     * session folder.
     */
    Session open(List<Path> inputs) throws IOException;

    /**
     * Adds audio files and the audio files of folders to a session (a file already in it is skipped; a name
     * already taken gets " 2", " 3"...). With a null session, a session of stems in the first path's folder.
     *
     * @return the session with the files, or the same session when none was added
     */
    Session addFiles(Session session, List<Path> paths) throws IOException;

    /**
     * Writes a session file atomically.
     *
     * @return the session as it now is: located at {@code target}
     */
    Session save(Session session, Path target) throws IOException;

    /** The extensions of the audio files a session can hold (lower case, no dot), for open dialogs. */
    Set<String> audioFileExtensions();

    // ---- rules and rule sets

    /** The installed rule sets and the user's own, with the problems of those that cannot be loaded. */
    RuleSetRegistry ruleSets();

    /**
     * The rule set an analysis of {@code session} uses. A null choice: the session's own set (an id, or a file
     * inside the session's folder: a session file may come from anyone), else the default. A choice: an installed
     * id, a set beside the session, or any rule-set file the user names.
     */
    RuleSet resolveRuleSet(String choice, Session session) throws IOException;

    /**
     * Creates a studio rule set that extends {@code base}, every installed rule's parameters written out at the
     * base's values, ready to edit; written atomically.
     *
     * @param id the new set's id: a-z, 0-9, '.', '_', '-'
     * @param target where to write it; null: {@code <id>.json} in {@link RuleSetRegistry#userFolder()}
     * @param overwrite whether an existing file may be replaced
     * @return the file written
     */
    Path createRuleSet(String id, RuleSet base, Path target, boolean overwrite) throws IOException;

    /**
     * Validates a rule-set document without saving it, e.g. as the user types.
     *
     * @param json the set, in the rule-set file format (docs/rule-sets.md)
     * @return the set, resolved
     * @throws IOException naming the line and the problem, as the registry does for a file
     */
    RuleSet checkRuleSet(String json) throws IOException;

    /**
     * Validates a rule-set document and saves it atomically as {@code <id>.json} in the user's rule-set folder.
     *
     * @param json the set, in the rule-set file format (docs/rule-sets.md)
     * @return the saved set, resolved
     */
    RuleSet saveRuleSet(String json) throws IOException;

    /** The installed rules as they describe themselves, sorted by id, and the rules that cannot. */
    RuleCatalogue rules();

    // ---- analysis

    /**
     * Starts one analysis and returns at once. The listener is called on analysis threads. For a session a front
     * end keeps open, use an {@link OpenSession}, which also supersedes and re-runs analyses.
     */
    AnalysisJob analyse(AnalysisRequest request, AnalysisListener listener);

    /**
     * Runs one analysis and waits for it; interrupted, it cancels the analysis.
     *
     * @throws java.util.concurrent.CancellationException when it was cancelled
     */
    AnalysisResult analyseAndWait(AnalysisRequest request, AnalysisListener listener) throws InterruptedException;

    /** A new open session, empty; {@link OpenSession#close()} ends it. */
    OpenSession newOpenSession(OpenSession.Settings settings);

    /** The open sessions of this process, oldest first (e.g. the workbench window's). */
    List<OpenSession> openSessions();

    // ---- reports

    /** The installed report formats by id ("text", "json", ...), sorted. */
    Map<String, ReportFormat> reportFormats();

    /** Renders a result in a format to a stream (e.g. stdout). */
    void render(AnalysisResult result, String format, ReportOptions options, OutputStream out) throws IOException;

    /** Renders a result in a format into a file, atomically: a failure leaves the old file, or none. */
    void export(AnalysisResult result, String format, ReportOptions options, Path target) throws IOException;

    // ---- the balance plan

    /**
     * Plans one set of moves that satisfies the analysis's rule set ({@link io.mixbench.plan.PlanService#plan}).
     *
     * @since 1.1
     */
    Plan plan(PlanRequest request);

    /**
     * Renders a plan into the request's folder and analyses the rendered session with the rule set and the deliverable
     * of the analysis it was made from, measuring every file afresh: the proof of the plan.
     *
     * @param listener hears the render's progress (the first half) and the analysis's (the second)
     * @param cancelled polled while rendering and analysing; when it says true, a
     *        {@link java.util.concurrent.CancellationException} ends the call and no partial file is left
     * @throws IOException naming the file when a part cannot be read or the folder not written
     * @since 1.1
     */
    default VerifiedPlan renderAndVerify(Plan plan, AnalysisResult before, RenderRequest request,
            AnalysisListener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
        return renderAndVerify(plan, before, request, AnalysisRequest.DEFAULT_RULE_TIME_LIMIT, listener, cancelled);
    }

    /**
     * As {@link #renderAndVerify(Plan, AnalysisResult, RenderRequest, AnalysisListener, BooleanSupplier)}, the
     * rendered session's rules each given {@code ruleTimeLimit}.
     *
     * @since 1.1
     */
    VerifiedPlan renderAndVerify(Plan plan, AnalysisResult before, RenderRequest request, Duration ruleTimeLimit,
            AnalysisListener listener, BooleanSupplier cancelled) throws IOException, InterruptedException;

    /**
     * Writes a plan in a format to a stream (e.g. stdout).
     *
     * @since 1.1
     */
    void exportPlan(VerifiedPlan plan, PlanFormat format, OutputStream out) throws IOException;

    /**
     * Writes a plan in a format into a file, atomically.
     *
     * @since 1.1
     */
    void exportPlan(VerifiedPlan plan, PlanFormat format, Path target) throws IOException;

    // ---- plug-ins

    /** The plug-in folder, or null when Mixbench was not started by its launcher. */
    Path pluginFolder();

    /**
     * Every bundle of the running program (the product's and the plug-ins'), plug-ins first. A bundle that is not
     * started is described from its manifest and component descriptions: listing runs no plug-in code.
     */
    List<Plugin> bundles();

    /** The bundles of the plug-in folder. */
    default List<Plugin> plugins() {
        return bundles().stream().filter(Plugin::plugin).toList();
    }

    /**
     * Copies a bundle into the plug-in folder atomically (removing older copies of the same symbolic name) and
     * starts it within the launcher's time limit; its rules take part in the next analysis.
     *
     * @return what was installed; {@link PluginInstall#problem()} says why it did not start
     * @throws IOException when the file is not a bundle or cannot be copied
     */
    PluginInstall install(Path jar) throws IOException;

    /**
     * Stops and removes the plug-ins of the folder with this symbolic name or file name.
     *
     * @return the files removed; empty when none matched
     */
    List<Path> uninstall(String name) throws IOException;

    /** Starts or stops a bundle (by symbolic name); a plug-in gets the launcher's time limit to start. */
    void setStarted(String symbolicName, boolean started) throws IOException;

    /**
     * Waits until Declarative Services has processed the started bundles, so a plug-in that just started takes
     * part in the next analysis. A bundle that never resolves, or whose activator never returned, is not waited
     * for.
     */
    void awaitPlugins(long timeoutMillis) throws InterruptedException;

    /** Hears when rules, report formats or bundles come and go. */
    void addListener(WorkspaceListener listener);

    void removeListener(WorkspaceListener listener);
}
