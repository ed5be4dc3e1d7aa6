package io.mixbench.launch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What the launcher answers without starting the product, so that it takes a JVM's start and no more:
 * {@code --version} (the version line; the {@code version} command lists the bundles and needs them) and the help
 * texts of the commands, which the product build records from the CLI into {@value #HELP_FOLDER} (one
 * {@code <command>.txt} each, {@code mixbench.txt} for the overview). A command without a recorded text is asked
 * the framework's way. The system property {@value #PROPERTY}{@code =false} turns this off: the build records
 * the texts with it, and tests compare both ways.
 */
final class LauncherAnswers {

    static final String PROPERTY = "mixbench.launcherAnswers";
    /** Under the product home. */
    static final String HELP_FOLDER = "lib/help";
    /** The help text of {@code mixbench --help}. */
    static final String OVERVIEW = "mixbench";

    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private LauncherAnswers() {
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    /** The text to print on stdout (exit code 0), or null when the framework must answer. */
    static String answer(String[] args, Path home, String version) throws IOException {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return "Mixbench " + version + System.lineSeparator();
        }
        String topic = helpTopic(args);
        if (topic == null) {
            return null;
        }
        Path text = home.resolve(HELP_FOLDER).resolve(topic + ".txt");
        return Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : null;
    }

    /**
     * Which help text the arguments ask for: {@value #OVERVIEW} for none, {@code -h}, {@code --help} or
     * {@code help}; the command's for {@code help COMMAND} and {@code COMMAND --help}; null for anything else.
     */
    static String helpTopic(String[] args) {
        if (args.length == 0) {
            return OVERVIEW;
        }
        if (args.length == 1) {
            return isHelp(args[0]) || args[0].equals("help") ? OVERVIEW : null;
        }
        if (args.length == 2) {
            if (args[0].equals("help") && COMMAND_NAME.matcher(args[1]).matches()) {
                return args[1];
            }
            if (isHelp(args[1]) && COMMAND_NAME.matcher(args[0]).matches()) {
                return args[0];
            }
        }
        return null;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("-h") || arg.equals("--help");
    }
}
