package io.mixbench.cli.internal;

import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.session.Deliverable;
import io.mixbench.session.Session;
import io.mixbench.workspace.ReportFormat;
import io.mixbench.workspace.RuleCatalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The picocli command tree. Exit codes: {@link ExitCodes}. */
final class Commands {

    private Commands() {
    }

    @Command(name = "mixbench", mixinStandardHelpOptions = true, versionProvider = Top.Version.class, description = "Objective mix-balance analysis: measures stems and the mix, checks them against a rule set,"
            + " and says what to change.", subcommands = {Analyze.class, PlanCommand.class, Rules.class,
                    RuleSetCommands.class,
                    PluginCommands.class,
                    VersionCommand.class,
                    picocli.CommandLine.HelpCommand.class}, footer = {"",
                            "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error or"
                                    + " nothing analysable.",
                            "The workbench: mixbench gui [session|folder]"})
    static final class Top implements Callable<Integer> {
        final MixbenchCli cli;
        final PrintStream out;
        final PrintStream err;

        Top(MixbenchCli cli, PrintStream out, PrintStream err) {
            this.cli = cli;
            this.out = out;
            this.err = err;
        }

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }

        static final class Version implements picocli.CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[]{"Mixbench " + System.getProperty("mixbench.version", "(development)")};
            }
        }
    }

    @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of Mixbench and of its bundles.")
    static final class VersionCommand implements Callable<Integer> {
        @ParentCommand
        Top top;

        @Override
        public Integer call() {
            top.out.println("Mixbench " + System.getProperty("mixbench.version", "(development)"));
            for (Bundle b : top.cli.bundleContext().getBundles()) {
                top.out.println("  " + b.getSymbolicName() + " " + b.getVersion());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyse a session folder, a session file, or audio files.", footer = {
            "", "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (a file that cannot"
                    + " be decoded is a PROBLEM); 2 usage error or nothing analysable.",
            "stdout carries only the report; progress and errors go to stderr."})
    static final class Analyze implements Callable<Integer> {
        @ParentCommand
        Top top;

        @Parameters(arity = "1..*", paramLabel = "<folder|session-file|files...>", description = "A folder of stems (roles guessed from file names), a .mixbench session file, or files.")
        List<Path> inputs;

        @Option(names = "--rules", paramLabel = "SET", description = "Rule set: an installed id (see 'mixbench rulesets') or a rule-set file. Default: the"
                + " session's, else 'default'.")
        String rules;

        @Option(names = "--deliverable", paramLabel = "KIND", description = "What the mix file is: mix, pre-master or master;"
                + " the rules judge each differently. Default: the session file's, else the rule set's, else guessed"
                + " from the audio (a lone bounce limited near 0 dBTP is a master).")
        String deliverable;

        @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", defaultValue = "text", description = "Report format(s), comma-separated: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.", completionCandidates = Formats.class)
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (atomically). With several formats FILE is a base path (or an"
                + " existing folder, base 'report' in it) and each report is written as <base>.<extension>.")
        Path out;

        @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "problem", description = "Exit 1 when a finding is at or above this severity: warn or problem (default).")
        String failOn;

        @Option(names = "--rule-time-limit", paramLabel = "SECONDS", defaultValue = "10", description = "How long one rule may take before it is reported as a rule error (default 10).")
        double ruleTimeLimitSeconds;

        @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
        boolean quiet;

        @Option(names = "--no-cache", description = "Measure every file again instead of using the analysis cache beside the session.")
        boolean noCache;

        @Option(names = "--verbose", description = "The text report also lists what it leaves out at a glance (tonal hints of a session with stems, each"
                + " finding's figures, the session's settings, the tracks' levels); and stderr says what the analysis noticed on the way,"
                + " e.g. a damaged cache entry that was discarded.")
        boolean verbose;

        @Option(names = "--no-plan", description = "Leave the balance plan (one set of moves for every rule at once, predicted, not"
                + " rendered: see 'mixbench plan') out of the report.")
        boolean noPlan;

        @Option(names = "--each", description = "Analyse each input as a session of its own (a folder, a session file or one audio file,"
                + " e.g. a batch of delivered mixes), in one process: the reports go to --out FOLDER as <input name>.<extension>,"
                + " or, in the text format, to stdout one after another. Exit code: the worst of the inputs.")
        boolean each;

        @Override
        public Integer call() throws Exception {
            PrintStream err = top.err;
            Severity threshold = threshold(failOn, err);
            if (threshold == null) {
                return ExitCodes.USAGE;
            }
            Map<String, ReportFormat> installed = top.cli.workspace.reportFormats();
            List<ReportFormat> reportFormats = new ArrayList<>();
            for (String id : format.split(",", -1)) {
                String wanted = id.strip().toLowerCase(Locale.ROOT);
                ReportFormat reportFormat = installed.get(wanted);
                if (reportFormat == null) {
                    err.println("mixbench: unknown --format '" + id.strip() + "'; installed formats: "
                            + String.join(", ", installed.keySet()));
                    return ExitCodes.USAGE;
                }
                if (!reportFormats.contains(reportFormat)) {
                    reportFormats.add(reportFormat);
                }
            }
            if (reportFormats.size() > 1 && out == null) {
                err.println("mixbench: several formats need --out: a base path (reports are written as"
                        + " <base>.<extension>) or a folder");
                return ExitCodes.USAGE;
            }
            if (!analysisOptionsValid(deliverable, ruleTimeLimitSeconds, err)) {
                return ExitCodes.USAGE;
            }
            if (!each) {
                return analyse(inputs, reportFormats, threshold,
                        out == null ? null : r -> reportFile(out, r, reportFormats));
            }
            // --each: one session per input, in one process (a batch of deliveries pays one JVM start).
            if (out == null && !(reportFormats.size() == 1 && reportFormats.get(0).id().equals("text"))) {
                err.println("mixbench: --each writes one report per input: give --out FOLDER (the text format"
                        + " alone may go to stdout)");
                return ExitCodes.USAGE;
            }
            if (out != null) {
                if (Files.exists(out) && !Files.isDirectory(out)) {
                    err.println("mixbench: --each needs --out to be a folder: " + out + " is a file");
                    return ExitCodes.USAGE;
                }
                Files.createDirectories(out);
            }
            int worst = ExitCodes.OK;
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                String base = uniqueBase(inputs.get(i), taken);
                if (out == null && i > 0) {
                    top.out.println();
                }
                int code;
                Path input = inputs.get(i);
                if (Files.exists(input) && !Files.isDirectory(input) && !Files.isRegularFile(input)) {
                    // Refused before anything opens it: a FIFO would block the rest of the batch.
                    err.println("mixbench: " + input + ": not a regular file (a FIFO, a device or another special"
                            + " file)");
                    worst = ExitCodes.USAGE;
                    continue;
                }
                try {
                    code = analyse(List.of(inputs.get(i)), reportFormats, threshold,
                            out == null ? null : r -> out.resolve(base + "." + r.fileExtension()));
                } catch (IOException | RuntimeException e) {
                    // one input failing (a report that cannot be written, say) must not lose the rest of the batch
                    err.println("mixbench: " + inputs.get(i) + ": " + e);
                    code = ExitCodes.USAGE;
                }
                // 2 (an input that could not be analysed) outranks 1 (findings): the batch did not check it
                worst = Math.max(worst, code);
            }
            return worst;
        }

        /**
         * Analyses one session and writes its reports: each format's report to the file {@code targets} gives, or, when
         * it is null, the one report to stdout.
         */
        private int analyse(List<Path> sessionInputs, List<ReportFormat> reportFormats, Severity threshold,
                Function<ReportFormat, Path> targets) throws IOException, InterruptedException {
            AnalysisResult result = analyseSession(top, sessionInputs, rules, deliverable, !noCache, quiet, verbose,
                    Duration.ofMillis((long) (ruleTimeLimitSeconds * 1000)));
            if (result == null) {
                return ExitCodes.USAGE;
            }
            PrintStream err = top.err;
            boolean colour = targets == null && System.console() != null && System.getenv("NO_COLOR") == null;
            ReportOptions options = new ReportOptions(colour, threshold, verbose,
                    noPlan ? null : plan(top, result, Duration.ofMillis((long) (ruleTimeLimitSeconds * 1000)), quiet));
            if (targets != null) {
                for (ReportFormat reportFormat : reportFormats) {
                    Path target = targets.apply(reportFormat);
                    top.cli.workspace.export(result, reportFormat.id(), options, target);
                    if (!quiet) {
                        err.println("Report written to " + target.toAbsolutePath());
                    }
                }
            } else {
                top.cli.workspace.render(result, reportFormats.get(0).id(), options, top.out);
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "Analysed in %.2f s%n", result.elapsed().toMillis() / 1000.0);
            }
            if (result.tracks().stream().noneMatch(MeasuredTrack::measured)) {
                err.println("mixbench: nothing could be analysed: every file failed to decode");
                return ExitCodes.USAGE;
            }
            return result.hasFindingsAtOrAbove(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    /** Whether {@code --deliverable} and {@code --rule-time-limit} are valid; what is not is said on stderr. */
    static boolean analysisOptionsValid(String deliverable, double ruleTimeLimitSeconds, PrintStream err) {
        if (deliverable != null && Deliverable.fromId(deliverable).isEmpty()) {
            err.println("mixbench: --deliverable must be mix, pre-master or master, not '" + deliverable + "'");
            return false;
        }
        if (!(ruleTimeLimitSeconds > 0)) {
            err.println("mixbench: --rule-time-limit must be a positive number of seconds");
            return false;
        }
        return true;
    }

    /** The severity {@code --fail-on} names, or null (said on stderr) when it names none. */
    static Severity threshold(String failOn, PrintStream err) {
        Severity threshold = switch (failOn.toLowerCase(Locale.ROOT)) {
            case "warn" -> Severity.WARN;
            case "problem" -> Severity.PROBLEM;
            default -> null;
        };
        if (threshold == null) {
            err.println("mixbench: --fail-on must be warn or problem, not '" + failOn + "'");
        }
        return threshold;
    }

    /**
     * The balance plan of the analysis, unrendered (the planner's prediction: fast, nothing written), for the report to
     * show; null when the session has no measured part to move, or when planning fails: the report is worth more than
     * its plan, so it is written without one and stderr says why. Unless {@code quiet}, stderr says how long it took.
     */
    static VerifiedPlan plan(Top top, AnalysisResult result, Duration ruleTimeLimit, boolean quiet) {
        if (result.tracks().stream().noneMatch(t -> t.measured() && t.track().role().isPart())) {
            return null;
        }
        try {
            long start = System.nanoTime();
            Plan plan = top.cli.workspace.plan(new PlanRequest(result, Set.of(), PlanRequest.DEFAULT_RIDE_LIMIT_DB,
                    ruleTimeLimit));
            if (!quiet) {
                top.err.printf(Locale.ROOT, "Planned %d move(s) in %.2f s%n", plan.moves().size(),
                        (System.nanoTime() - start) / 1e9);
            }
            return VerifiedPlan.unrendered(plan, result);
        } catch (RuntimeException e) {
            top.err.println("mixbench: the report has no plan: planning failed: " + e);
            return null;
        }
    }

    /**
     * Opens the inputs as a session, resolves the rule set and analyses it, with progress on stderr; null (the error
     * said on stderr) when the inputs or the rule set cannot be opened or the session has no audio.
     */
    static AnalysisResult analyseSession(Top top, List<Path> sessionInputs, String rules, String deliverable,
            boolean useCache, boolean quiet, boolean verbose, Duration ruleTimeLimit)
            throws IOException, InterruptedException {
        PrintStream err = top.err;
        Session session;
        RuleSet ruleSet;
        try {
            session = top.cli.workspace.open(sessionInputs);
            ruleSet = top.cli.workspace.resolveRuleSet(rules, session);
        } catch (IOException e) {
            err.println("mixbench: " + e.getMessage());
            return null;
        }
        if (session.tracks().isEmpty()) {
            err.println("mixbench: nothing to analyse: no audio files in " + session.location());
            return null;
        }
        top.cli.workspace.awaitPlugins(5_000);
        if (!quiet) {
            err.printf(Locale.ROOT, "Analysing %d track(s) of %s with rule set '%s'%n", session.tracks().size(),
                    session.location(), ruleSet.id());
        }
        return top.cli.workspace.analyseAndWait(new AnalysisRequest(session, ruleSet, ruleTimeLimit, useCache,
                deliverable == null ? null : Deliverable.fromId(deliverable).orElseThrow()),
                progress(err, quiet, verbose));
    }

    /** What an analysis says on stderr: each track measured, and with --verbose what it noticed. */
    static AnalysisListener progress(PrintStream err, boolean quiet, boolean verbose) {
        return quiet && !verbose ? AnalysisListener.NONE : new AnalysisListener() {
            @Override
            public void note(String message) {
                if (verbose) {
                    err.println("  " + message);
                }
            }

            @Override
            public void trackMeasured(MeasuredTrack track) {
                if (quiet) {
                    return;
                }
                if (track.measured()) {
                    err.printf(Locale.ROOT, "  measured %s (%s, %.1f s)%n", track.name(),
                            track.format().formatName(), track.durationSeconds());
                } else {
                    err.println("  cannot decode: " + track.error());
                }
            }
        };
    }

    /**
     * The base name of one input's reports under `analyze --each --out FOLDER`: a folder's name, or a file's name
     * without its extension, made unique among those taken (" (2)", " (3)" ...), and added to them.
     */
    static String uniqueBase(Path input, List<String> taken) {
        Path fileName = input.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? DEFAULT_REPORT_BASE : fileName.toString();
        if (!Files.isDirectory(input)) {
            int dot = name.lastIndexOf('.');
            name = dot > 0 ? name.substring(0, dot) : name;
        }
        String base = name;
        for (int n = 2; taken.contains(base.toLowerCase(Locale.ROOT)); n++) {
            base = name + " (" + n + ")";
        }
        taken.add(base.toLowerCase(Locale.ROOT));
        return base;
    }

    /** The file name `analyze --out FOLDER` uses inside the folder. */
    static final String DEFAULT_REPORT_BASE = "report";

    /**
     * Where `analyze --out` writes the report of one format. One format: {@code out} itself, or
     * {@code out/report.<extension>} when {@code out} is an existing folder. Several formats: {@code <base>.<extension>},
     * where the base is {@code out/report} for a folder, else {@code out} less an extension one of the requested
     * formats uses (so {@code --out mix.html} gives mix.html, mix.json, ...).
     */
    static Path reportFile(Path out, ReportFormat reportFormat, List<ReportFormat> all) {
        boolean folder = Files.isDirectory(out);
        if (all.size() == 1 && !folder) {
            return out;
        }
        Path base = out.resolve(DEFAULT_REPORT_BASE);
        if (!folder) {
            base = out;
            String name = out.getFileName() == null ? DEFAULT_REPORT_BASE : out.getFileName().toString();
            for (ReportFormat r : all) {
                String suffix = "." + r.fileExtension();
                if (name.length() > suffix.length() && name.endsWith(suffix)) {
                    base = out.resolveSibling(name.substring(0, name.length() - suffix.length()));
                    break;
                }
            }
        }
        return base.resolveSibling(base.getFileName() + "." + reportFormat.fileExtension());
    }

    /** Completion candidates for --format: the installed reportFormats at the time help is printed. */
    static final class Formats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Formats() {
            super(List.of("text", "json", "html", "junit", "csv"));
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true, description = "List the installed rules with their parameters, units and defaults.")
    static final class Rules implements Callable<Integer> {
        @ParentCommand
        Top top;

        @Override
        public Integer call() {
            RuleCatalogue catalogue = top.cli.workspace.rules();
            catalogue.problems().forEach(p -> top.err.println("mixbench: " + p));
            for (RuleDescriptor d : catalogue.rules()) {
                List<String> needs = new ArrayList<>();
                d.requiredRoles().stream().map(r -> r.id()).sorted().forEach(needs::add);
                if (d.needsMix()) {
                    needs.add("mix");
                }
                if (d.exportKind() != null) {
                    needs.add(d.exportKind().id());
                }
                top.out.printf(Locale.ROOT, "%s  %s%s%n", d.id(), d.title(),
                        needs.isEmpty() ? "" : "  (needs " + String.join(", ", needs) + ")");
                top.out.println("    " + d.description());
                for (Parameter p : d.parameters()) {
                    top.out.printf(Locale.ROOT, "    %-18s %8s %s  range %s..%s  (%s)%n", p.id(), fmt(p.defaultValue()),
                            p.unit(), fmt(p.min()), fmt(p.max()), p.title());
                }
            }
            return ExitCodes.OK;
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
