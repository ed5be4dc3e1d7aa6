package io.mixbench.cli.internal;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.MoveKind;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetException;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.rule.Severity;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.Plugin;
import io.mixbench.workspace.PluginInstall;
import io.mixbench.workspace.ReportFormat;
import io.mixbench.workspace.RuleCatalogue;
import io.mixbench.workspace.Workspace;
import io.mixbench.workspace.WorkspaceListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The application as the CLI sees it, in memory: every input is a session of one track, the worst finding of an
 * analysis is {@link #worst}, and reports are recorded instead of written.
 */
final class FakeWorkspace implements Workspace {

    /** The severity of the one finding each analysis gives; null for none. */
    Severity worst = Severity.WARN;
    /** The role of each session's one track. */
    Role role = Role.KICK;
    /** Inputs whose session does not open. */
    final Set<Path> broken = new java.util.HashSet<>();
    final List<String> exported = new ArrayList<>();
    final List<AnalysisRequest> analysed = new ArrayList<>();
    /** What planning throws; null for a plan that lowers the kick. */
    RuntimeException planFailure;
    final List<PlanRequest> planned = new ArrayList<>();
    /** The options of every report rendered or exported, in order. */
    final List<ReportOptions> reportOptions = new ArrayList<>();

    /** The commands under test never call this method: a call is a test failure, named as such. */
    private static AssertionError notUsedByTheCommands() {
        return new AssertionError("the CLI's tested commands do not call this Workspace method");
    }

    @Override
    public Session open(List<Path> inputs) throws IOException {
        for (Path p : inputs) {
            if (broken.contains(p)) {
                throw new IOException(p + ": not a session");
            }
        }
        return new Session(inputs.get(0), List.of(new Track("Kick", inputs.get(0), role, null)),
                ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
    }

    @Override
    public Session addFiles(Session session, List<Path> paths) {
        throw notUsedByTheCommands();
    }

    @Override
    public Session save(Session session, Path target) {
        throw notUsedByTheCommands();
    }

    @Override
    public Set<String> audioFileExtensions() {
        return Set.of("wav");
    }

    @Override
    public RuleSetRegistry ruleSets() {
        throw notUsedByTheCommands();
    }

    @Override
    public RuleSet resolveRuleSet(String choice, Session session) throws IOException {
        if (choice != null && !choice.equals("default")) {
            throw new RuleSetException("no rule set '" + choice + "'");
        }
        return new RuleSet("default", "Default", "", null, Map.of(), "test");
    }

    @Override
    public Path createRuleSet(String id, RuleSet base, Path target, boolean overwrite) {
        throw notUsedByTheCommands();
    }

    @Override
    public RuleSet checkRuleSet(String json) {
        throw notUsedByTheCommands();
    }

    @Override
    public RuleSet saveRuleSet(String json) {
        throw notUsedByTheCommands();
    }

    @Override
    public RuleCatalogue rules() {
        return new RuleCatalogue(List.of(), List.of());
    }

    @Override
    public AnalysisJob analyse(AnalysisRequest request, AnalysisListener listener) {
        throw notUsedByTheCommands();
    }

    @Override
    public AnalysisResult analyseAndWait(AnalysisRequest request, AnalysisListener listener) {
        analysed.add(request);
        Session s = request.session();
        MeasuredTrack track = new MeasuredTrack(s.tracks().get(0), null, 1, Map.of(), null);
        List<Finding> findings = worst == null
                ? List.of()
                : List.of(Finding.of("kick.level", worst).tracks("Kick").message("Kick is off").build());
        return new AnalysisResult(s, request.ruleSet(), List.of(track), List.of(), findings, Instant.EPOCH,
                Duration.ZERO, Map.of());
    }

    @Override
    public OpenSession newOpenSession(OpenSession.Settings settings) {
        throw notUsedByTheCommands();
    }

    @Override
    public List<OpenSession> openSessions() {
        return List.of();
    }

    @Override
    public Map<String, ReportFormat> reportFormats() {
        Map<String, ReportFormat> formats = new TreeMap<>();
        formats.put("text", new ReportFormat("text", "txt"));
        formats.put("json", new ReportFormat("json", "json"));
        formats.put("html", new ReportFormat("html", "html"));
        return formats;
    }

    @Override
    public void render(AnalysisResult result, String format, ReportOptions options, OutputStream out)
            throws IOException {
        reportOptions.add(options);
        out.write((format + " report of " + result.session().location().getFileName() + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void export(AnalysisResult result, String format, ReportOptions options, Path target) {
        reportOptions.add(options);
        exported.add(format + " " + target);
    }

    @Override
    public Plan plan(PlanRequest request) {
        planned.add(request);
        if (planFailure != null) {
            throw planFailure;
        }
        Fix lower = Fix.gain("Kick", -6);
        return new Plan("default", List.of(new PlannedMove("level:Kick", MoveKind.LEVEL, List.of(lower),
                List.of("kick.level"), "Lower Kick by 6.0 dB", List.of())), List.of(), 0, 0, List.of(), List.of(),
                Set.of());
    }

    @Override
    public VerifiedPlan renderAndVerify(Plan plan, AnalysisResult before, RenderRequest request,
            Duration ruleTimeLimit, AnalysisListener listener, BooleanSupplier cancelled) {
        throw notUsedByTheCommands();
    }

    @Override
    public void exportPlan(VerifiedPlan plan, PlanFormat format, OutputStream out) {
        throw notUsedByTheCommands();
    }

    @Override
    public void exportPlan(VerifiedPlan plan, PlanFormat format, Path target) {
        throw notUsedByTheCommands();
    }

    @Override
    public Path pluginFolder() {
        return null;
    }

    @Override
    public List<Plugin> bundles() {
        return List.of();
    }

    @Override
    public PluginInstall install(Path jar) {
        throw notUsedByTheCommands();
    }

    @Override
    public List<Path> uninstall(String name) {
        throw notUsedByTheCommands();
    }

    @Override
    public void setStarted(String symbolicName, boolean started) {
        throw notUsedByTheCommands();
    }

    @Override
    public void awaitPlugins(long timeoutMillis) {
    }

    @Override
    public void addListener(WorkspaceListener listener) {
    }

    @Override
    public void removeListener(WorkspaceListener listener) {
    }
}
