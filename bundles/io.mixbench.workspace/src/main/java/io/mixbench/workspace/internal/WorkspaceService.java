package io.mixbench.workspace.internal;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AnalysisService;
import io.mixbench.files.AtomicFiles;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.PluginHost;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.PlanService;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.RenderedSession;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetException;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** The {@link Workspace}: the application both front ends run on. */
@Component(service = Workspace.class)
public final class WorkspaceService implements Workspace {

    @Reference
    SessionStore sessions;
    @Reference
    RuleSetRegistry ruleSets;
    @Reference
    AnalysisService analysis;
    @Reference
    ServiceComponentRuntime scr;
    @Reference
    PlanService plans;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile LaunchContext launchContext;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginHost pluginHost;

    private final Map<String, ReportRenderer> renderers = new ConcurrentHashMap<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<OpenSessionImpl> open = new CopyOnWriteArrayList<>();
    private BundleContext context;
    private final BundleListener bundleListener = (BundleEvent event) -> fire(WorkspaceListener::bundlesChanged);

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        bundleContext.addBundleListener(bundleListener);
    }

    @Deactivate
    void deactivate() {
        try {
            context.removeBundleListener(bundleListener);
        } catch (IllegalStateException e) {
            // The framework is stopping: its listeners go with it.
        }
        for (OpenSessionImpl s : List.copyOf(open)) {
            s.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRenderer(ReportRenderer renderer) {
        renderers.put(renderer.format(), renderer);
        fire(WorkspaceListener::reportFormatsChanged);
    }

    void removeRenderer(ReportRenderer renderer) {
        renderers.remove(renderer.format(), renderer);
        fire(WorkspaceListener::reportFormatsChanged);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRule(Rule rule) {
        rules.add(rule);
        fire(WorkspaceListener::rulesChanged);
    }

    void removeRule(Rule rule) {
        rules.remove(rule);
        fire(WorkspaceListener::rulesChanged);
    }

    private void fire(Consumer<WorkspaceListener> event) {
        for (WorkspaceListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                // One broken listener (a plug-in's view) must not keep the others from hearing it.
            }
        }
    }

    // ---- sessions

    @Override
    public Session open(List<Path> inputs) throws IOException {
        return Sessions.open(sessions, inputs);
    }

    @Override
    public Session addFiles(Session session, List<Path> paths) throws IOException {
        return Sessions.addFiles(sessions, session, paths);
    }

    @Override
    public Session save(Session session, Path target) throws IOException {
        sessions.save(session, target);
        return new Session(target, session.tracks(), session.exportKind(), session.panLaw(), session.ruleSet(),
                session.extra(), session.deliverable());
    }

    @Override
    public Set<String> audioFileExtensions() {
        return sessions.audioFileExtensions();
    }

    // ---- rule sets

    @Override
    public RuleSetRegistry ruleSets() {
        return ruleSets;
    }

    @Override
    public RuleSet resolveRuleSet(String choice, Session session) throws IOException {
        Path folder = session == null ? null : Sessions.folder(session);
        if (choice == null) {
            // The session's own set: an id or a file inside its folder (the registry refuses other paths).
            return ruleSets.resolve(session != null && session.ruleSet() != null
                    ? session.ruleSet()
                    : RuleSetRegistry.DEFAULT_ID, folder);
        }
        if (ruleSets.find(choice).isEmpty() && Files.exists(Path.of(choice))) {
            // The user's own choice: any rule-set file.
            return ruleSets.load(Path.of(choice));
        }
        return ruleSets.resolve(choice, folder);
    }

    @Override
    public Path createRuleSet(String id, RuleSet base, Path target, boolean overwrite) throws IOException {
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IOException("a rule-set name is made of a-z, 0-9, '.', '_' and '-', not '" + id + "'");
        }
        Path file = target != null ? target : ruleSets.userFolder().resolve(id + ".json");
        if (Files.exists(file) && !overwrite) {
            throw new IOException(file + " exists; use --force to overwrite it");
        }
        String json = RuleSetTemplate.render(id, base, rules().rules());
        AtomicFiles.write(file, o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    @Override
    public RuleSet checkRuleSet(String json) throws IOException {
        // The registry validates files: the text goes to a private one, whose name the messages then leave out.
        Path draft = Files.createTempFile("mixbench-ruleset-", ".json");
        try {
            Files.writeString(draft, json, StandardCharsets.UTF_8);
            return ruleSets.load(draft);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).replace(draft.toString(), "line");
            throw new RuleSetException(message, e);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    @Override
    public RuleSet saveRuleSet(String json) throws IOException {
        RuleSet set = checkRuleSet(json);
        Path target = ruleSets.userFolder().resolve(set.id() + ".json");
        AtomicFiles.write(target, o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
        return ruleSets.load(target);
    }

    @Override
    public RuleCatalogue rules() {
        return RuleDescriptions.of(new ArrayList<>(rules));
    }

    // ---- analysis

    @Override
    public AnalysisJob analyse(AnalysisRequest request, AnalysisListener listener) {
        return analysis.submit(request, listener);
    }

    @Override
    public AnalysisResult analyseAndWait(AnalysisRequest request, AnalysisListener listener)
            throws InterruptedException {
        return analysis.analyze(request, listener);
    }

    @Override
    public OpenSession newOpenSession(OpenSession.Settings settings) {
        OpenSessionImpl s = new OpenSessionImpl(this, settings, open::remove);
        open.add(s);
        return s;
    }

    @Override
    public List<OpenSession> openSessions() {
        return List.copyOf(open);
    }

    // ---- reports

    @Override
    public Map<String, ReportFormat> reportFormats() {
        Map<String, ReportFormat> formats = new TreeMap<>();
        renderers.forEach((id, r) -> formats.put(id, new ReportFormat(id, r.fileExtension(), r.mediaType())));
        return formats;
    }

    private ReportRenderer renderer(String format) throws IOException {
        ReportRenderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new IOException("no report format " + format + "; installed formats: "
                    + String.join(", ", reportFormats().keySet()));
        }
        return renderer;
    }

    @Override
    public void render(AnalysisResult result, String format, ReportOptions options, OutputStream out)
            throws IOException {
        renderer(format).render(result, options, out);
        out.flush();
    }

    @Override
    public void export(AnalysisResult result, String format, ReportOptions options, Path target) throws IOException {
        ReportRenderer renderer = renderer(format);
        AtomicFiles.write(target, o -> renderer.render(result, options, o));
    }

    // ---- the balance plan

    @Override
    public Plan plan(PlanRequest request) {
        return plans.plan(request);
    }

    @Override
    public VerifiedPlan renderAndVerify(Plan plan, AnalysisResult before, RenderRequest request,
            Duration ruleTimeLimit, AnalysisListener listener, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        RenderedSession rendered = plans.render(plan, before, request,
                share -> listener.progress(share / 2, "Rendering the plan"), cancelled);
        Session session = sessions.open(rendered.sessionFile());
        AnalysisListener second = new AnalysisListener() {
            @Override
            public void progress(double fraction, String message) {
                listener.progress(0.5 + fraction / 2, message);
            }

            @Override
            public void trackMeasured(io.mixbench.rule.MeasuredTrack track) {
                listener.trackMeasured(track);
            }

            @Override
            public void note(String message) {
                listener.note(message);
            }
        };
        // Measured afresh, judged as the plan's analysis was: the same rule set and deliverable.
        AnalysisJob job = analysis.submit(new AnalysisRequest(session, before.ruleSet(), ruleTimeLimit, false,
                before.deliverable().deliverable()), second);
        try {
            while (true) {
                try {
                    return new VerifiedPlan(plan, before, rendered,
                            job.result().get(100, java.util.concurrent.TimeUnit.MILLISECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    if (cancelled.getAsBoolean()) {
                        job.cancel();
                        throw new java.util.concurrent.CancellationException("cancelled");
                    }
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("analysing the rendered session failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        }
    }

    @Override
    public void exportPlan(VerifiedPlan plan, PlanFormat format, OutputStream out) throws IOException {
        plans.export(plan, format, out);
        out.flush();
    }

    @Override
    public void exportPlan(VerifiedPlan plan, PlanFormat format, Path target) throws IOException {
        AtomicFiles.write(target, o -> plans.export(plan, format, o));
    }

    // ---- plug-ins

    private Plugins currentPlugins() {
        LaunchContext launch = launchContext;
        return new Plugins(context, launch == null ? null : launch.pluginsDir(), pluginHost);
    }

    @Override
    public Path pluginFolder() {
        return currentPlugins().folder();
    }

    @Override
    public List<Plugin> bundles() {
        return currentPlugins().bundles();
    }

    @Override
    public PluginInstall install(Path jar) throws IOException {
        PluginInstall done = currentPlugins().install(jar);
        if (done.problem() == null && done.plugin() != null) {
            try {
                awaitPlugins(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Described again now that its components are registered.
            org.osgi.framework.Bundle b = context.getBundle(done.plugin().id());
            return b == null
                    ? done
                    : new PluginInstall(done.file(), done.replaced(), currentPlugins().describe(b), null);
        }
        return done;
    }

    @Override
    public List<Path> uninstall(String name) throws IOException {
        return currentPlugins().uninstall(name);
    }

    @Override
    public void setStarted(String symbolicName, boolean started) throws IOException {
        currentPlugins().setStarted(symbolicName, started);
    }

    @Override
    public void awaitPlugins(long timeoutMillis) throws InterruptedException {
        PluginSettler.await(scr, List.of(context.getBundles()), timeoutMillis);
    }

    @Override
    public void addListener(WorkspaceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(WorkspaceListener listener) {
        listeners.remove(listener);
    }
}
