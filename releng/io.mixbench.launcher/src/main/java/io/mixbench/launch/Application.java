package io.mixbench.launch;

import java.io.PrintStream;
import java.util.List;

/**
 * A top-level command of the {@code mixbench} program ({@code analyze}, {@code gui}, ...), registered as an
 * OSGi service with the {@link #COMMAND} property. The launcher calls {@link #run} on the process's main
 * thread, which is the thread a GUI toolkit needs for its event loop, and exits with the returned code once
 * the framework has stopped.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Application {

    /** Service property: the command names this application runs, e.g. {@code "analyze"}. Type: String[]. */
    String COMMAND = "mixbench.command";

    /**
     * Runs the command.
     *
     * @param command the command name the user typed
     * @param args the arguments after the command name
     * @param out where the command's result goes (the report); nothing else may be written there
     * @param err where progress, logs and errors go
     * @return the process exit code
     */
    int run(String command, List<String> args, PrintStream out, PrintStream err) throws Exception;
}
