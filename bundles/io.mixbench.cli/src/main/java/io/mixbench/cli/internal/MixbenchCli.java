package io.mixbench.cli.internal;

import io.mixbench.launch.Application;
import io.mixbench.workspace.Workspace;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;

/**
 * The headless commands: option mapping and exit codes over the {@link Workspace}. Each call builds a fresh
 * picocli command tree, so concurrent calls share nothing but the services.
 */
@Component(service = Application.class, property = {Application.COMMAND + "=analyze", Application.COMMAND + "=plan",
        Application.COMMAND + "=rules",
        Application.COMMAND + "=rulesets", Application.COMMAND + "=plugins", Application.COMMAND + "=help",
        Application.COMMAND + "=version"})
public final class MixbenchCli implements Application {

    @Reference
    Workspace workspace;

    private BundleContext bundleContext;

    @Activate
    void activate(BundleContext context) {
        this.bundleContext = context;
    }

    /** The framework's bundles, for {@code version}. */
    BundleContext bundleContext() {
        return bundleContext;
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
