package io.mixbench.benchmarks;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * "A picocli Java CLI", the peer that {@code mixbench --version} and {@code --help} are timed against: a main class
 * that parses its arguments with picocli and prints the usage or the version, nothing else. releng/benchmark.sh runs
 * it as a process on this module's jar and picocli's alone, with the product's JVM options, so the difference to
 * bin/mixbench is what the product does before it answers (the framework, its bundles, the services).
 */
@Command(name = "peer", mixinStandardHelpOptions = true, version = "peer 1.0", description = "Measures audio files "
        + "(a stand-in with the shape of a real command line; it measures nothing).")
public final class PicocliPeer implements Runnable {

    @Parameters(paramLabel = "FILE", description = "Audio files.")
    List<Path> files = List.of();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: text or json; default text.")
    String format = "text";

    @Option(names = "--no-cache", description = "Measure every file again.")
    boolean noCache;

    private PrintWriter out;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), args));
    }

    /** Parses the arguments and answers on {@code out}; returns the exit code. */
    static int run(PrintWriter out, String... args) {
        PicocliPeer peer = new PicocliPeer();
        peer.out = out;
        return new CommandLine(peer).setOut(out).execute(args);
    }

    @Override
    public void run() {
        // Without --help or --version: the usage, as a CLI does when given nothing to do.
        new CommandLine(this).usage(out);
        out.flush();
    }
}
