package io.mixbench.cli.internal;

import io.mixbench.analysis.AnalysisService;
import io.mixbench.launch.Application;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.PluginHost;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.SessionStore;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import picocli.CommandLine;

/**
 * The headless commands. Each call builds a fresh picocli command tree, so concurrent calls share nothing but
 * the services.
 */
@Component(service = Application.class, property = {Application.COMMAND + "=analyze", Application.COMMAND + "=rules",
        Application.COMMAND + "=rulesets", Application.COMMAND + "=plugins", Application.COMMAND + "=help",
        Application.COMMAND + "=version"})
public final class MixbenchCli implements Application {

    @Reference
    AnalysisService analysis;
    @Reference
    SessionStore sessions;
    @Reference
    RuleSetRegistry ruleSets;
    @Reference
    ServiceComponentRuntime scr;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile LaunchContext launchContext;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginHost pluginHost;

    private final Map<String, ReportRenderer> renderers = new ConcurrentHashMap<>();
    private final List<Rule> rules = new java.util.concurrent.CopyOnWriteArrayList<>();
    private BundleContext bundleContext;

    @Activate
    void activate(BundleContext context) {
        this.bundleContext = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRenderer(ReportRenderer renderer) {
        renderers.put(renderer.format(), renderer);
    }

    void removeRenderer(ReportRenderer renderer) {
        renderers.remove(renderer.format(), renderer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRule(Rule rule) {
        rules.add(rule);
    }

    void removeRule(Rule rule) {
        rules.remove(rule);
    }

    Map<String, ReportRenderer> renderers() {
        return new TreeMap<>(renderers);
    }

    List<Rule> rules() {
        return new ArrayList<>(rules);
    }

    BundleContext bundleContext() {
        return bundleContext;
    }

    LaunchContext launchContext() {
        return launchContext;
    }

    /** The launcher's plug-in host, or null when Mixbench was not started by its launcher. */
    PluginHost pluginHost() {
        return pluginHost;
    }

    @Override
    public int run(String command, List<String> args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Commands.Top(this, out, err));
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println("mixbench: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        });
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        List<String> all = new ArrayList<>();
        if (!command.equals("help")) {
            all.add(command);
        } else if (args.isEmpty()) {
            all.add("--help");
        } else {
            all.add("help");
        }
        all.addAll(args);
        try {
            return cli.execute(all.toArray(String[]::new));
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
