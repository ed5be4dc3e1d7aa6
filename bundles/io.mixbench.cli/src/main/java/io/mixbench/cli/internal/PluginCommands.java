package io.mixbench.cli.internal;

import io.mixbench.workspace.Plugin;
import io.mixbench.workspace.PluginInstall;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        top.out.println("Plug-in folder: " + folder(top));
        top.out.println("(listed without starting them: the rules are read from their component descriptions)");
        List<Plugin> plugins = top.cli.workspace.plugins();
        plugins.forEach(p -> describe(top.out, p));
        if (plugins.isEmpty()) {
            top.out.println("  (no plug-ins)");
        }
        return ExitCodes.OK;
    }

    static Path folder(Commands.Top top) {
        Path folder = top.cli.workspace.pluginFolder();
        if (folder == null) {
            throw new IllegalStateException("no plug-in folder: Mixbench was not started by its launcher");
        }
        return folder;
    }

    /** The bundle's line, its rules, and the rules that cannot describe themselves. */
    static void describe(PrintStream out, Plugin p) {
        out.printf(Locale.ROOT, "  %-40s %-16s %s%n", p.symbolicName(), p.version(), p.state().words());
        for (String rule : p.brings().getOrDefault("rules", List.of())) {
            out.println("      rule " + rule);
        }
        for (String problem : p.problems()) {
            out.println("      " + problem);
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true, description = "Copy a bundle into the plug-in folder (replacing an older copy of it) and start it.")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        PluginCommands parent;

        @Parameters(paramLabel = "JAR")
        Path jar;

        @Override
        public Integer call() {
            Commands.Top top = parent.top;
            Path folder = folder(top);
            PluginInstall done;
            try {
                done = top.cli.workspace.install(jar);
            } catch (IOException e) {
                top.err.println("mixbench: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            done.replaced().forEach(p -> top.out.println("Removed the older copy " + p.getFileName()));
            if (done.problem() != null) {
                String bsn = done.plugin() != null
                        ? done.plugin().symbolicName()
                        : done.file().getFileName().toString();
                top.err.println("mixbench: " + done.problem() + " (it was copied to " + folder
                        + "; 'mixbench plugins uninstall " + bsn + "' removes it)");
                return ExitCodes.FINDINGS;
            }
            top.out.println("Installed " + done.file());
            describe(top.out, done.plugin());
            return ExitCodes.OK;
        }
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
            List<Path> removed = top.cli.workspace.uninstall(name);
            if (removed.isEmpty()) {
                top.err.println("mixbench: no plug-in named '" + name + "' in " + folder(top));
                return ExitCodes.USAGE;
            }
            removed.forEach(p -> top.out.println("Removed " + p));
            return ExitCodes.OK;
        }
    }
}
