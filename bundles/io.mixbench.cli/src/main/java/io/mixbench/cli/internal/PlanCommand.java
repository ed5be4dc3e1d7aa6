package io.mixbench.cli.internal;

import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mixbench plan}: the moves that satisfy the rule set, rendered and analysed again. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Find one set of moves that satisfies the rule"
        + " set, render it (moved stems and their sum, a new mix) and analyse the rendered session: the proof.", footer = {
                "", "Exit codes: 0 the rendered plan has nothing at or above --fail-on; 1 it has; 2 usage error or"
                        + " nothing analysable.",
                "Without --render the session is rendered into a temporary folder, analysed, and deleted.",
                "The session's own files are only read."})
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    Commands.Top top;

    @Parameters(arity = "1..*", paramLabel = "<folder|session-file|files...>", description = "A folder of stems, a .mixbench session file, or files.")
    List<Path> inputs;

    @Option(names = "--rules", paramLabel = "SET", description = "Rule set: an installed id or a rule-set file. Default: the session's, else 'default'.")
    String rules;

    @Option(names = "--deliverable", paramLabel = "KIND", description = "What the mix file is: mix, pre-master or master.")
    String deliverable;

    @Option(names = "--render", paramLabel = "FOLDER", description = "Write the moved stems, the new mix and a session file of them into FOLDER (kept).")
    Path render;

    @Option(names = "--no-render", description = "Plan only: say the moves and what the planner predicts of them, without rendering and"
            + " analysing the result (faster, but no proof).")
    boolean noRender;

    @Option(names = "--sample-format", paramLabel = "FORMAT", defaultValue = "float32", description = "How rendered WAV files store samples: float32 (default) or source (each"
            + " source's PCM depth, with TPDF dither).")
    String sampleFormat;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output format: text (default), json, csv, rides-csv, rides-json or midi (the rides"
            + " as CC7 automation).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE (atomically) instead of stdout.")
    Path out;

    @Option(names = "--refuse", paramLabel = "MOVE", description = "A move the plan must not make, by its id (e.g. level:Kick, common, bus,"
            + " pan:Bass, ride:Lead Vox); repeatable. The planner solves again without it.")
    List<String> refused = new ArrayList<>();

    @Option(names = "--ride-limit", paramLabel = "DB", defaultValue = "8", description = "The most a ride moves a part from its static gain, either way, dB (default 8).")
    double rideLimitDb;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "problem", description = "Exit 1 when the rendered session has a finding at or above this severity: warn"
            + " or problem (default).")
    String failOn;

    @Option(names = "--rule-time-limit", paramLabel = "SECONDS", defaultValue = "10", description = "How long one rule may take, in the analysis and on each of the planner's"
            + " predictions, before it is a rule error (default 10).")
    double ruleTimeLimitSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--no-cache", description = "Measure every file of the session again instead of using the analysis cache.")
    boolean noCache;

    @Override
    public Integer call() throws Exception {
        PrintStream err = top.err;
        Severity threshold = Commands.threshold(failOn, err);
        if (threshold == null) {
            return ExitCodes.USAGE;
        }
        PlanFormat planFormat = PlanFormat.byId(format.strip().toLowerCase(Locale.ROOT));
        if (planFormat == null) {
            err.println("mixbench: unknown --format '" + format + "'; plan formats: "
                    + String.join(", ", Stream.of(PlanFormat.values()).map(PlanFormat::id).toList()));
            return ExitCodes.USAGE;
        }
        if (planFormat == PlanFormat.MIDI && out == null) {
            err.println("mixbench: --format midi writes a binary file: give --out FILE.mid");
            return ExitCodes.USAGE;
        }
        RenderRequest.SampleFormat samples = switch (sampleFormat.toLowerCase(Locale.ROOT)) {
            case "float32" -> RenderRequest.SampleFormat.FLOAT_32;
            case "source" -> RenderRequest.SampleFormat.SOURCE_PCM;
            default -> null;
        };
        if (samples == null) {
            err.println("mixbench: --sample-format must be float32 or source, not '" + sampleFormat + "'");
            return ExitCodes.USAGE;
        }
        if (!Commands.analysisOptionsValid(deliverable, ruleTimeLimitSeconds, err)) {
            return ExitCodes.USAGE;
        }
        Duration ruleTimeLimit = Duration.ofMillis((long) (ruleTimeLimitSeconds * 1000));
        if (!(rideLimitDb >= 0 && rideLimitDb <= 40)) {
            err.println("mixbench: --ride-limit must be 0..40 dB");
            return ExitCodes.USAGE;
        }
        AnalysisResult before = Commands.analyseSession(top, inputs, rules, deliverable, !noCache, quiet, false,
                ruleTimeLimit);
        if (before == null) {
            return ExitCodes.USAGE;
        }
        if (before.tracks().stream().noneMatch(t -> t.measured() && t.track().role().isPart())) {
            err.println("mixbench: nothing to plan: no part of " + before.session().location() + " could be decoded"
                    + " (a plan moves the parts, and a mix bounce alone has none)");
            return ExitCodes.USAGE;
        }
        Plan plan = top.cli.workspace.plan(new PlanRequest(before, new HashSet<>(refused), rideLimitDb,
                ruleTimeLimit));
        if (!quiet) {
            err.printf(Locale.ROOT, "Planned %d move(s); rendering and analysing the result%n", plan.moves().size());
        }
        if (noRender) {
            if (render != null) {
                err.println("mixbench: --no-render and --render exclude each other");
                return ExitCodes.USAGE;
            }
            write(VerifiedPlan.unrendered(plan, before), planFormat);
            return plan.predicted().stream().anyMatch(f -> f.severity().reaches(threshold))
                    ? ExitCodes.FINDINGS
                    : ExitCodes.OK;
        }
        Path folder = render != null ? render : Files.createTempDirectory("mixbench-plan-");
        VerifiedPlan verified;
        try {
            verified = top.cli.workspace.renderAndVerify(plan, before, new RenderRequest(folder, samples),
                    ruleTimeLimit, quiet ? AnalysisListener.NONE : Commands.progress(err, false, false), () -> false);
            write(verified, planFormat);
        } finally {
            if (render == null) {
                deleteTree(folder);
            }
        }
        if (!quiet && render != null) {
            err.println("Rendered session: " + verified.rendered().sessionFile().toAbsolutePath());
        }
        return verified.after().hasFindingsAtOrAbove(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(VerifiedPlan verified, PlanFormat planFormat) throws IOException {
        if (out != null) {
            top.cli.workspace.exportPlan(verified, planFormat, out);
            if (!quiet) {
                top.err.println("Plan written to " + out.toAbsolutePath());
            }
        } else {
            top.cli.workspace.exportPlan(verified, planFormat, top.out);
        }
    }

    /** Deletes the temporary render folder (only ever one this command made). */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
