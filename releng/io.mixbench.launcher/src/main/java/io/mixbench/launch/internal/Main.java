package io.mixbench.launch.internal;

import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.StartupTrace;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/mixbench}: starts the product and runs one command on this, the process's main thread (a GUI
 * toolkit's event loop needs it). stdout is reserved for the command's result: everything else that writes to
 * {@code System.out} (framework and plug-in logging) is sent to stderr.
 */
public final class Main {

    /** The exit code of a failure of the launcher itself (sysexits' EX_SOFTWARE), documented in docs/cli.md. */
    static final int INTERNAL_ERROR = 70;

    private Main() {
    }

    public static void main(String[] args) {
        // File names, plug-in messages and logs reach stderr: none of them may drive the user's terminal.
        System.setErr(new PrintStream(new TerminalSafeOutputStream(
                new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.err))), true));
        StartupTrace.mark("launcher's main", System.err);
        int code;
        try {
            code = run(args);
        } catch (Throwable t) {
            System.err.println("mixbench: internal error: " + t);
            code = INTERNAL_ERROR;
        }
        System.out.flush();
        System.err.flush();
        // Daemon threads of a hung plug-in must not keep the process alive.
        Runtime.getRuntime().halt(code);
    }

    /**
     * Whether the command needs the plug-ins running. Help, the version and the plug-in commands do not: they must
     * work when a plug-in's activator exits or blocks, so that plug-in can be found and uninstalled ({@code plugins
     * install} starts only the bundle it installs).
     */
    static boolean runsPlugins(String command, List<String> args) {
        if (args.contains("-h") || args.contains("--help") || args.contains("-V") || args.contains("--version")) {
            return false;
        }
        return !(command.equals("help") || command.equals("version") || command.equals("plugins"));
    }

    static int run(String[] args) throws Exception {
        PrintStream reportOut = System.out;
        System.setOut(System.err);
        Path home = Path.of(System.getProperty("mixbench.home", ".")).toAbsolutePath().normalize();
        String version = System.getProperty("mixbench.version", "development");
        if (LauncherAnswers.enabled()) {
            String answer = LauncherAnswers.answer(args, home, version);
            if (answer != null) {
                reportOut.print(answer);
                StartupTrace.mark("answered by the launcher", System.err);
                return 0;
            }
        }
        String command = args.length == 0 ? "help" : args[0];
        command = switch (command) {
            case "-h", "--help" -> "help";
            case "-V", "--version" -> "version";
            default -> command;
        };
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String pluginsOverride = System.getenv("MIXBENCH_PLUGINS");
        Path plugins = pluginsOverride == null || pluginsOverride.isBlank()
                ? home.resolve("plugins")
                : Path.of(pluginsOverride).toAbsolutePath();
        Files.createDirectories(plugins);
        LaunchContext context = new LaunchContext(home, plugins, Path.of("").toAbsolutePath(), version);
        boolean gui = command.equals("gui");
        List<String> features = gui ? List.of("core", "rules", "workbench") : List.of("core", "rules", "cli");
        Map<String, String> config = gui
                ? Map.of("felix.fileinstall.dir", plugins.toString(),
                        "felix.fileinstall.log.default", "jul", "felix.fileinstall.noInitialDelay", "true",
                        "felix.fileinstall.poll", "1000", "felix.fileinstall.bundles.new.start", "true")
                : Map.of();
        EmbeddedProduct.Plugins pluginMode = gui
                ? EmbeddedProduct.Plugins.NONE
                : runsPlugins(command, rest) ? EmbeddedProduct.Plugins.START : EmbeddedProduct.Plugins.INSTALL;
        EmbeddedProduct product = EmbeddedProduct.start(context, features, pluginMode, config, System.err);
        StartupTrace.mark("product started", System.err);
        int code;
        try {
            code = product.run(command, rest, reportOut, System.err, 10_000);
        } catch (Exception | Error e) {
            product.close();
            throw e;
        }
        StartupTrace.mark("command done", System.err);
        if (gui) {
            product.close();
        } else {
            // A command has written everything it writes when it returns; the process halts next, so stopping
            // each bundle in turn would only keep the user waiting.
            product.discard();
        }
        StartupTrace.mark("framework storage deleted", System.err);
        return code;
    }
}
