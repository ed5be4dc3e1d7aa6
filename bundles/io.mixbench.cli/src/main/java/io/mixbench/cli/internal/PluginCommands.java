package io.mixbench.cli.internal;

import io.mixbench.files.AtomicFiles;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.PluginHost;
import io.mixbench.launch.PluginProblem;
import io.mixbench.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mixbench plugins [install JAR | uninstall NAME]}: the plug-in folder and what it brings. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List the bundles of the plug-in folder with their state and the rules they bring, without starting them.", subcommands = {
        PluginCommands.Install.class, PluginCommands.Uninstall.class})
final class PluginCommands implements Callable<Integer> {

    @ParentCommand
    Commands.Top top;

    @Override
    public Integer call() {
        Path folder = folder(top);
        top.out.println("Plug-in folder: " + folder);
        top.out.println("(listed without starting them: the rules are read from their component descriptions)");
        boolean any = false;
        for (Bundle b : top.cli.bundleContext().getBundles()) {
            if (inFolder(b, folder)) {
                any = true;
                describe(top, b);
            }
        }
        if (!any) {
            top.out.println("  (no plug-ins)");
        }
        return ExitCodes.OK;
    }

    static Path folder(Commands.Top top) {
        LaunchContext launch = top.cli.launchContext();
        if (launch == null) {
            throw new IllegalStateException("no plug-in folder: Mixbench was not started by its launcher");
        }
        return launch.pluginsDir();
    }

    static boolean inFolder(Bundle b, Path folder) {
        return b.getLocation().startsWith(folder.toAbsolutePath().toFile().toURI().normalize().toString());
    }

    /**
     * The bundle's line and its rules: those it registered when it runs, else those its component descriptions
     * declare (a bundle that is not started runs no code, so listing it is safe whatever its activator does).
     */
    static void describe(Commands.Top top, Bundle b) {
        top.out.printf(Locale.ROOT, "  %-40s %-16s %s%n", b.getSymbolicName(), b.getVersion(), state(b));
        if (b.getState() != Bundle.ACTIVE) {
            for (String rule : ComponentDescriptions.ruleIds(b)) {
                top.out.println("      rule " + rule);
            }
            return;
        }
        ServiceReference<?>[] services = b.getRegisteredServices();
        if (services == null) {
            return;
        }
        for (ServiceReference<?> ref : services) {
            Object id = ref.getProperty(Rule.ID);
            if (id == null) {
                continue;
            }
            Object service = top.cli.bundleContext().getService(ref);
            try {
                String problem = service instanceof Rule rule ? RuleDescriptions.problem(rule) : null;
                top.out.println("      rule " + id + (problem == null ? "" : "  cannot describe itself: " + problem));
            } finally {
                top.cli.bundleContext().ungetService(ref);
            }
        }
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolves (not started)";
            case Bundle.INSTALLED -> "does not resolve";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    /** The symbolic name in a jar's manifest, or null when it is not a bundle. */
    static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return bsn == null ? null : bsn.split(";")[0].trim();
        }
    }

    static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true, description = "Copy a bundle into the plug-in folder (replacing an older copy of it) and start it.")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        PluginCommands parent;

        @Parameters(paramLabel = "JAR")
        Path jar;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Commands.Top top = parent.top;
            String bsn;
            try {
                bsn = Files.isRegularFile(jar) ? symbolicName(jar) : null;
            } catch (IOException e) {
                top.err.println("mixbench: " + jar + " is not a jar: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (!Files.isRegularFile(jar) || bsn == null) {
                top.err.println("mixbench: " + jar + (Files.isRegularFile(jar)
                        ? " is not an OSGi bundle (no Bundle-SymbolicName in its manifest)"
                        : " not found"));
                return ExitCodes.USAGE;
            }
            Path folder = folder(top);
            Files.createDirectories(folder);
            Path target = folder.resolve(jar.getFileName());
            for (Path existing : jars(folder)) {
                if (!existing.equals(target) && bsn.equals(symbolicName(existing))) {
                    Files.delete(existing);
                    top.out.println("Removed the older copy " + existing.getFileName());
                }
            }
            AtomicFiles.write(target, o -> {
                try (InputStream in = Files.newInputStream(jar)) {
                    in.transferTo(o);
                }
            });
            Bundle bundle = null;
            String problem;
            try {
                for (Bundle b : top.cli.bundleContext().getBundles()) {
                    if (bsn.equals(b.getSymbolicName()) && inFolder(b, folder)) {
                        b.uninstall();
                    }
                }
                bundle = top.cli.bundleContext().installBundle(
                        target.toAbsolutePath().toFile().toURI().normalize().toString());
                problem = start(top, bundle);
            } catch (BundleException e) {
                problem = bsn + " does not install: " + e.getMessage().lines().findFirst().orElse("");
            }
            if (problem != null) {
                top.err.println("mixbench: " + problem + " (it was copied to " + folder
                        + "; 'mixbench plugins uninstall " + bsn + "' removes it)");
                return ExitCodes.FINDINGS;
            }
            PluginSettler.await(top.cli.scr, List.of(bundle), 5_000);
            top.out.println("Installed " + target);
            describe(top, bundle);
            return ExitCodes.OK;
        }
    }

    /**
     * Starts a newly installed plug-in with the launcher's time limit (its activator may block or throw).
     *
     * @return null when it started, else one line naming it and the problem
     */
    static String start(Commands.Top top, Bundle bundle) throws BundleException {
        PluginHost host = top.cli.pluginHost();
        if (host == null) {
            bundle.start();
            return null;
        }
        PluginProblem problem = host.start(bundle);
        return problem == null ? null : problem.message();
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove a plug-in (by symbolic name or file name) from the plug-in folder.")
    static final class Uninstall implements Callable<Integer> {
        @ParentCommand
        PluginCommands parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            Commands.Top top = parent.top;
            Path folder = folder(top);
            List<Path> removed = new ArrayList<>();
            for (Path jar : jars(folder)) {
                String bsn;
                try {
                    bsn = symbolicName(jar);
                } catch (IOException e) {
                    bsn = null;
                }
                if (name.equals(bsn) || name.equals(jar.getFileName().toString())) {
                    for (Bundle b : top.cli.bundleContext().getBundles()) {
                        if (b.getLocation().equals(jar.toAbsolutePath().toFile().toURI().normalize().toString())) {
                            try {
                                b.uninstall();
                            } catch (BundleException e) {
                                top.err.println("mixbench: cannot stop " + b.getSymbolicName() + ": " + e.getMessage());
                            }
                        }
                    }
                    Files.delete(jar);
                    removed.add(jar);
                }
            }
            if (removed.isEmpty()) {
                top.err.println("mixbench: no plug-in named '" + name + "' in " + folder);
                return ExitCodes.USAGE;
            }
            removed.forEach(p -> top.out.println("Removed " + p));
            return ExitCodes.OK;
        }
    }
}
