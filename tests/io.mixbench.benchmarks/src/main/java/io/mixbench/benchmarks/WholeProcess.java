package io.mixbench.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 17's figures, "fast where users feel it": the assembled product run as a user runs it, as a process, each
 * command once to warm up (page cache, SWT's unpacked libraries, the analysis cache) and then {@link Sizes#runs()}
 * times, next to its goal and its peers, ending in one table ({@link Table}). Prints figures; never fails on slow
 * ones.
 */
final class WholeProcess {

    /** What one run measures: how many timed runs and how big the inputs are. */
    record Sizes(int runs, int longFileSeconds, int stems, int stemMinutes, int memoryMinutes) {

        static final Sizes FULL = new Sizes(5, 600, 32, 4, 60);
        static final Sizes BRIEF = new Sizes(2, 60, 8, 1, 5);

        /** Whether the inputs are the goals' (a 10-min file, 32 stems x 4 min, 60 min at 96 kHz). */
        boolean goalSized() {
            return longFileSeconds == FULL.longFileSeconds && stems == FULL.stems && stemMinutes == FULL.stemMinutes
                    && memoryMinutes == FULL.memoryMinutes;
        }
    }

    /** The product's start-up trace and its exit once the workbench shows the findings (the lead's contract). */
    static final String TRACE_OPTIONS = "-Dmixbench.traceStartup=true -Dmixbench.exitAfterStartup=true";

    /** How long a command may run before the benchmark stops it: a hung product must not hang CI. */
    private static final Duration LIMIT = Duration.ofMinutes(5);
    /** The workbench: a few seconds when it exits by itself; without the trace contract it never does. */
    private static final Duration GUI_LIMIT = Duration.ofSeconds(30);

    private static final double GOAL_START_UP_S = 0.3;
    private static final double GOAL_SHORT_ANALYSIS_S = 0.7;
    private static final double GOAL_SESSION_S = 5;
    private static final double GOAL_SESSION_CACHED_S = 0.8;
    private static final double GOAL_WINDOW_S = 1.0;
    private static final double GOAL_FINDINGS_S = 1.5;
    private static final int MEMORY_HEAP_MB = 256;

    private static final Set<Integer> SUCCESS = Set.of(0);
    /** bin/mixbench analyze and plan: 0 no finding at or above the threshold, 1 findings; both ran to the end. */
    private static final Set<Integer> ANALYSED = Set.of(0, 1);
    /** Why a figure of a smaller input than its goal's is not judged. */
    private static final String BRIEF_SIZE = "smaller input (--brief)";
    private static final Pattern PEAK_HEAP = Pattern.compile("peak heap used (\\d+) MB");

    private final Path product;
    private final Path ebur128;
    private final Path picocli;
    private final Path work;
    private final Sizes sizes;
    /** Whether the inputs are smaller than the goals': their size-bound figures are printed, not judged. */
    private final boolean brief;
    private final PrintStream out;
    private final List<Table.Row> rows = new ArrayList<>();

    /**
     * @param product the assembled product's bin/mixbench
     * @param ebur128 the libebur128 program (src/main/c/ebur128-measure.c)
     * @param picocli picocli's jar, for {@link PicocliPeer}
     */
    WholeProcess(Path product, Path ebur128, Path picocli, Path work, Sizes sizes, PrintStream out) {
        this.product = product.toAbsolutePath();
        this.ebur128 = ebur128.toAbsolutePath();
        this.picocli = picocli.toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.sizes = sizes;
        this.brief = !sizes.goalSized();
        this.out = out;
    }

    /** A command's warm-up run and its timed runs. */
    record Series(Child.Run warmUp, List<Child.Run> runs) {

        Stats wall() {
            return Stats.of(runs.stream().mapToDouble(Child.Run::wallSeconds).toArray());
        }

        Stats cpu() {
            return Stats.of(runs.stream().mapToDouble(Child.Run::cpuSeconds).toArray());
        }

        /** "1.37 s (1.30..1.45), CPU 2.30 s" */
        String text() {
            return wall().text() + ", CPU " + Stats.seconds(cpu().medianSeconds());
        }
    }

    void run() throws IOException {
        if (!Files.isExecutable(product)) {
            throw new IOException(product + ": not the product's bin/mixbench (build the product first)");
        }
        List<String> display = display();
        Path dir = work.resolve("process");
        deleteTree(dir);
        Files.createDirectories(dir);
        try {
            out.printf(Locale.ROOT, "%nWhole process: %s as a user runs it, on %d cores; each command once to warm up, "
                    + "then %d runs: median wall-clock time (fastest..slowest), CPU time (user + sys) median%s%n",
                    product.getParent().getParent().getFileName() + "/bin/mixbench",
                    Runtime.getRuntime().availableProcessors(), sizes.runs(),
                    brief ? "; smaller inputs (--brief): their goals not judged" : "");
            Path tiny = dir.resolve("one-second").resolve("one-second.wav");
            Files.createDirectories(tiny.getParent());
            Benchmark.generate(tiny, 48_000, 1);
            Series cTool = repeat(List.of(ebur128.toString(), tiny.toString()), SUCCESS);
            detail("C tool: ebur128-measure, 1-s file", cTool);
            startUp(cTool);
            shortFile(tiny, cTool);
            longFile(dir);
            session(dir, display);
            memory();
        } finally {
            deleteTree(dir);
        }
        out.printf(Locale.ROOT,
                "%nIssue 17's figures (whole process, wall clock, median of %d runs, fastest..slowest in "
                        + "brackets%s):%n",
                sizes.runs(), brief ? "; --brief" : "");
        out.print(Table.format(rows));
        out.println(Table.summary(rows));
    }

    /** {@code --version} and {@code --help}, against a C tool and a minimal picocli Java CLI. */
    private void startUp(Series cTool) throws IOException {
        List<String> peer = peerCommand();
        for (String flag : List.of("--version", "--help")) {
            Series mixbench = repeat(List.of(product.toString(), flag), SUCCESS);
            Series picocliCli = repeat(concat(peer, flag), SUCCESS);
            detail("mixbench " + flag, mixbench);
            detail("picocli Java CLI " + flag, picocliCli);
            rows.add(new Table.Row("`mixbench " + flag + "`", mixbench.text(), "<= " + GOAL_START_UP_S + " s",
                    "C tool (ebur128-measure) " + Stats.seconds(cTool.wall().medianSeconds())
                            + "; picocli Java CLI " + Stats.seconds(picocliCli.wall().medianSeconds()),
                    Table.Verdict.atMost(mixbench.wall().medianSeconds(), GOAL_START_UP_S)));
        }
    }

    /** {@code analyze} of a 1-second file: with the cache a user's first run leaves, and without it. */
    private void shortFile(Path tiny, Series cTool) throws IOException {
        // The warm-up is the file's first analysis: it measures the file and leaves the cache.
        Series cached = repeat(List.of(product.toString(), "analyze", tiny.toString()), ANALYSED);
        Series noCache = repeat(List.of(product.toString(), "analyze", "--no-cache", tiny.toString()), ANALYSED);
        out.printf(Locale.ROOT, "  %-44s %s%n", "analyze, 1-s file, first run (measures)",
                Stats.seconds(cached.warmUp().wallSeconds()));
        detail("analyze, 1-s file, from the cache", cached);
        detail("analyze --no-cache, 1-s file", noCache);
        String peer = "ebur128-measure " + Stats.seconds(cTool.wall().medianSeconds());
        rows.add(new Table.Row("`analyze` of a 1-s 48 kHz stereo file, from the cache",
                cached.text() + "; first run " + Stats.seconds(cached.warmUp().wallSeconds()),
                "<= " + GOAL_SHORT_ANALYSIS_S + " s", peer,
                Table.Verdict.atMost(cached.wall().medianSeconds(), GOAL_SHORT_ANALYSIS_S)));
        rows.add(new Table.Row("`analyze --no-cache` of the 1-s file", noCache.text(),
                "<= " + GOAL_SHORT_ANALYSIS_S + " s", peer,
                Table.Verdict.atMost(noCache.wall().medianSeconds(), GOAL_SHORT_ANALYSIS_S)));
    }

    /** One long file, not cached: at least twice as fast as libebur128's CLI, on every core. */
    private void longFile(Path dir) throws IOException {
        int seconds = sizes.longFileSeconds();
        Path file = dir.resolve("long").resolve("music-48k-24bit-" + seconds + "s.wav");
        Files.createDirectories(file.getParent());
        double generated = Benchmark.generate(file, 48_000, seconds);
        String name = seconds % 60 == 0 ? seconds / 60 + "-min" : seconds + "-s";
        out.printf(Locale.ROOT,
                "%n  One %s file, 48000 Hz, stereo, 24-bit, music-like (%.0f MB, generated in %.1f s):%n", name,
                Files.size(file) / 1e6, generated);
        Series mixbench = repeat(List.of(product.toString(), "analyze", "--no-cache", file.toString()), ANALYSED);
        Series library = repeat(List.of(ebur128.toString(), file.toString()), SUCCESS);
        Path ffmpeg = onPath("ffmpeg");
        Series ffmpegRuns = ffmpeg == null
                ? null
                : repeat(List.of(ffmpeg.toString(), "-nostats", "-i", file.toString(), "-filter_complex",
                        "ebur128=peak=true", "-f", "null", "-"), SUCCESS);
        double cores = mixbench.cpu().medianSeconds() / mixbench.wall().medianSeconds();
        detail("analyze --no-cache", mixbench);
        out.printf(Locale.ROOT, "  %-44s %.2f of %d cores (median CPU / median wall)%n", "  cores Mixbench used",
                cores, Runtime.getRuntime().availableProcessors());
        detail("libebur128 CLI, I|LRA|SAMPLE_PEAK|TRUE_PEAK", library);
        if (ffmpegRuns == null) {
            out.printf(Locale.ROOT, "  %-44s not installed%n", "ffmpeg ebur128=peak=true");
        } else {
            detail("ffmpeg ebur128=peak=true", ffmpegRuns);
        }
        double limit = library.wall().medianSeconds() / 2;
        rows.add(new Table.Row("`analyze --no-cache`, one " + name + " file",
                mixbench.text() + String.format(Locale.ROOT, ", %.1f cores", cores),
                "<= 1/2 libebur128 CLI = " + Stats.seconds(limit),
                "libebur128 CLI " + peer(library) + "; ffmpeg "
                        + (ffmpegRuns == null ? "not installed" : peer(ffmpegRuns)),
                brief
                        ? Table.Verdict.notJudged(BRIEF_SIZE)
                        : Table.Verdict.atMost(mixbench.wall().medianSeconds(), limit)));
    }

    /**
     * A session of stems analysed, then re-opened from the cache, then in the workbench, then planned (issue 16's
     * goal: under twice the analysis).
     */
    private void session(Path dir, List<String> display) throws IOException {
        int stems = sizes.stems();
        int minutes = sizes.stemMinutes();
        Path folder = dir.resolve("session-" + stems + "x" + minutes + "min");
        Files.createDirectories(folder);
        double generated = 0;
        long bytes = 0;
        for (int i = 1; i <= stems; i++) {
            Path stem = folder.resolve(String.format(Locale.ROOT, "Stem %02d.wav", i));
            generated += Benchmark.generate(stem, 48_000, minutes * 60L, Benchmark.SEED + i);
            bytes += Files.size(stem);
        }
        out.printf(Locale.ROOT,
                "%n  Session: %d stems of %d min, 48000 Hz, stereo, 24-bit (%.1f GB, generated in %.0f s)"
                        + "%n",
                stems, minutes, bytes / 1e9, generated);
        List<String> analyse = List.of(product.toString(), "analyze", folder.toString(), "--quiet", "--format",
                "json", "--out", dir.resolve("session-report.json").toString());
        // The warm-up is the first analysis, which leaves the cache; the timed runs measure every file again.
        Series analysed = repeat(analyse, concat(analyse, "--no-cache"), ANALYSED);
        // Its warm-up makes sure the cache is the one the default run leaves, whatever --no-cache did to it.
        Series cached = repeat(analyse, analyse, ANALYSED);
        out.printf(Locale.ROOT, "  %-44s %s%n", "first analysis (measures, leaves the cache)",
                Stats.seconds(analysed.warmUp().wallSeconds()));
        detail("analysed again (--no-cache)", analysed);
        detail("re-opened from the analysis cache", cached);
        String what = stems + " stems x " + minutes + " min";
        rows.add(new Table.Row(what + " analysed", analysed.text(), "<= " + (int) GOAL_SESSION_S + " s", "-",
                brief
                        ? Table.Verdict.notJudged(BRIEF_SIZE)
                        : Table.Verdict.atMost(analysed.wall().medianSeconds(), GOAL_SESSION_S)));
        rows.add(new Table.Row(what + " from the cache", cached.text(), "<= " + GOAL_SESSION_CACHED_S + " s",
                "-", brief
                        ? Table.Verdict.notJudged(BRIEF_SIZE)
                        : Table.Verdict.atMost(cached.wall().medianSeconds(), GOAL_SESSION_CACHED_S)));

        workbench(folder, display, what);

        Path rendered = dir.resolve("session-plan");
        try {
            Child.Run plan = Child.run(List.of(product.toString(), "plan", folder.toString(), "--render",
                    rendered.toString(), "--quiet", "--format", "json", "--out",
                    dir.resolve("session-plan.json").toString()), LIMIT);
            check("plan", plan, ANALYSED);
            out.printf(Locale.ROOT, "  %-44s %s: %.2f x the analysis (issue 16's goal: under 2)%n",
                    "planned, rendered, the render analysed", Stats.seconds(plan.wallSeconds()),
                    plan.wallSeconds() / analysed.wall().medianSeconds());
        } finally {
            deleteTree(rendered);
            deleteTree(folder);
        }
    }

    /** {@code bin/mixbench gui FOLDER} on the analysed session: the product's own trace of its start-up. */
    private void workbench(Path folder, List<String> display, String what) throws IOException {
        String window = "workbench: start to a drawn window";
        String findings = "workbench: start to findings (" + what + ", cached)";
        String windowGoal = "<= " + GOAL_WINDOW_S + " s";
        String findingsGoal = "<= " + GOAL_FINDINGS_S + " s";
        if (display == null) {
            out.printf(Locale.ROOT, "  %-44s no display (no DISPLAY and no xvfb-run)%n", "workbench");
            rows.add(new Table.Row(window, "no display", windowGoal, "-", Table.Verdict.notJudged("no display")));
            rows.add(new Table.Row(findings, "no display", findingsGoal, "-", Table.Verdict.notJudged("no display")));
            return;
        }
        List<String> command = new ArrayList<>(display);
        command.addAll(List.of(product.toString(), "gui", folder.toString()));
        String options = System.getenv().getOrDefault("MIXBENCH_JAVA_OPTS", "");
        Map<String, String> environment = Map.of("MIXBENCH_JAVA_OPTS", (options + " " + TRACE_OPTIONS).strip());
        List<Double> windowSeconds = new ArrayList<>();
        List<Double> findingsSeconds = new ArrayList<>();
        int stopped = 0;
        for (int run = 0; run <= sizes.runs(); run++) {
            Child.Run r = Child.run(command, environment, GUI_LIMIT, false);
            stopped += r.killed() ? 1 : 0;
            Map<String, Long> steps = StartupTrace.parse(r.stderr());
            if (!steps.containsKey(StartupTrace.WINDOW_DRAWN) && !steps.containsKey(StartupTrace.FINDINGS_SHOWN)) {
                // Until the product traces the workbench there is nothing to time (and it may not exit by itself):
                // one run says so.
                out.printf(Locale.ROOT, "  %-44s %s on stderr (%s)%n", "workbench",
                        steps.isEmpty()
                                ? "no [startup] lines"
                                : "no '" + StartupTrace.WINDOW_DRAWN + "' or '" + StartupTrace.FINDINGS_SHOWN
                                        + "' among its [startup] lines",
                        r.killed() ? "stopped after " + GUI_LIMIT.toSeconds() + " s" : "exit code " + r.exitCode());
                String none = "n/a (no trace from the product)";
                rows.add(new Table.Row(window, none, windowGoal, "-", Table.Verdict.notJudged("no figure")));
                rows.add(new Table.Row(findings, none, findingsGoal, "-", Table.Verdict.notJudged("no figure")));
                return;
            }
            if (run > 0) {
                add(windowSeconds, steps.get(StartupTrace.WINDOW_DRAWN));
                add(findingsSeconds, steps.get(StartupTrace.FINDINGS_SHOWN));
            }
        }
        if (stopped > 0) {
            out.printf(Locale.ROOT, "  %-44s did not exit by itself in %d of %d runs (stopped after %d s)%n",
                    "workbench", stopped, sizes.runs() + 1, GUI_LIMIT.toSeconds());
        }
        rows.add(traceRow(window, windowSeconds, windowGoal, GOAL_WINDOW_S, null));
        rows.add(traceRow(findings, findingsSeconds, findingsGoal, GOAL_FINDINGS_S,
                brief ? BRIEF_SIZE : null));
    }

    private Table.Row traceRow(String figure, List<Double> seconds, String goal, double limit, String notJudged) {
        if (seconds.isEmpty()) {
            return new Table.Row(figure, "n/a (step not in the trace)", goal, "-",
                    Table.Verdict.notJudged("no figure"));
        }
        Stats stats = Stats.of(seconds.stream().mapToDouble(Double::doubleValue).toArray());
        String missing = seconds.size() < sizes.runs() ? " in " + seconds.size() + " of " + sizes.runs() + " runs" : "";
        out.printf(Locale.ROOT, "  %-44s %s since JVM start%s%n", figure, stats.text(), missing);
        return new Table.Row(figure, stats.text() + " since JVM start" + missing, goal, "-",
                notJudged != null
                        ? Table.Verdict.notJudged(notJudged)
                        : Table.Verdict.atMost(stats.medianSeconds(), limit));
    }

    private static void add(List<Double> seconds, Long ms) {
        if (ms != null) {
            seconds.add(ms / 1000.0);
        }
    }

    /**
     * The memory run ({@link Benchmark} {@code --memory}) in a JVM of its own, this one's options with the heap
     * capped: it finishes, or it runs out of heap.
     */
    private void memory() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-Xmx"))
                .forEach(command::add);
        command.addAll(List.of("-Xmx" + MEMORY_HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                Benchmark.class.getName(), "--memory", "--work", work.toString(), "--minutes",
                String.valueOf(sizes.memoryMinutes()), "--rate", "96000"));
        Child.Run r = Child.run(command, Map.of(), Duration.ofMinutes(30), true);
        out.print(r.stdout());
        String figure = "memory: one " + sizes.memoryMinutes() + "-min 96 kHz file, -Xmx" + MEMORY_HEAP_MB + "m";
        String goal = "finishes in " + MEMORY_HEAP_MB + " MB of heap";
        Matcher peak = PEAK_HEAP.matcher(r.stdout());
        if (r.exitCode() == 0 && !r.killed() && peak.find()) {
            rows.add(new Table.Row(figure, "finished, peak heap " + peak.group(1) + " MB", goal, "-",
                    brief
                            ? Table.Verdict.notJudged(BRIEF_SIZE)
                            : Table.Verdict.MEETS));
        } else {
            out.printf(Locale.ROOT, "  the memory run failed (exit code %d)%s:%n%s%n", r.exitCode(),
                    r.killed() ? ", stopped after 30 min" : "", tail(r.stderr()));
            rows.add(new Table.Row(figure, r.stderr().contains("OutOfMemoryError")
                    ? "ran out of heap"
                    : "failed (exit code " + r.exitCode() + ")", goal, "-", Table.Verdict.MISSES));
        }
    }

    /** Runs the command once to warm up, then the timed runs. */
    private Series repeat(List<String> command, Set<Integer> success) throws IOException {
        return repeat(command, command, success);
    }

    private Series repeat(List<String> warmUp, List<String> command, Set<Integer> success) throws IOException {
        Child.Run first = Child.run(warmUp, LIMIT);
        check(String.join(" ", warmUp), first, success);
        List<Child.Run> runs = new ArrayList<>();
        for (int i = 0; i < sizes.runs(); i++) {
            Child.Run r = Child.run(command, LIMIT);
            check(String.join(" ", command), r, success);
            runs.add(r);
        }
        return new Series(first, runs);
    }

    /** @throws IOException when the command did not run to its end: its figure would mean nothing */
    private static void check(String what, Child.Run run, Set<Integer> success) throws IOException {
        if (run.killed()) {
            throw new IOException(what + ": still running after " + LIMIT.toMinutes() + " min, stopped");
        }
        if (!success.contains(run.exitCode())) {
            throw new IOException(what + " exited with " + run.exitCode() + ":\n" + tail(run.stderr()));
        }
    }

    /** A peer's figure in the table: "4.60 s, CPU 4.51 s" (its range is in the lines above the table). */
    private static String peer(Series series) {
        return Stats.seconds(series.wall().medianSeconds()) + ", CPU " + Stats.seconds(series.cpu().medianSeconds());
    }

    private void detail(String what, Series series) {
        out.printf(Locale.ROOT, "  %-44s %s%n", what, series.text());
    }

    /**
     * The prefix that gives the workbench a display: none under a DISPLAY, else xvfb-run; null when there is
     * neither.
     *
     * @throws IOException with CI=true and neither: CI must time the workbench, never skip it
     */
    private static List<String> display() throws IOException {
        String current = System.getenv("DISPLAY");
        if (current != null && !current.isBlank()) {
            return List.of();
        }
        Path xvfbRun = onPath("xvfb-run");
        if (xvfbRun != null) {
            return List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x800x24");
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IOException("CI=true, no DISPLAY and no xvfb-run: the workbench figures need a display "
                    + "(Debian: xvfb; releng/setup.sh --test)");
        }
        return null;
    }

    /**
     * {@link PicocliPeer} as a process: the Java bin/mixbench runs (JAVA_HOME's, else the one on the PATH) with the
     * product's JVM options, on this module's jar and picocli's.
     */
    private List<String> peerCommand() throws IOException {
        String javaHome = System.getenv("JAVA_HOME");
        List<String> command = new ArrayList<>();
        command.add(javaHome == null || javaHome.isBlank() ? "java" : Path.of(javaHome, "bin", "java").toString());
        Path options = product.getParent().getParent().resolve("conf").resolve("jvm.options");
        if (Files.isRegularFile(options)) {
            command.addAll(peerJvmOptions(Files.readString(options)));
        }
        Path self;
        try {
            self = Path.of(PicocliPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find the benchmark's own jar", e);
        }
        command.addAll(List.of("-cp", self + File.pathSeparator + picocli, PicocliPeer.class.getName()));
        return command;
    }

    /**
     * conf/jvm.options as bin/mixbench reads it (# starts a comment, options split at white space), without a
     * class-data-sharing archive of the product's: its classes are not the peer's.
     */
    static List<String> peerJvmOptions(String jvmOptions) {
        List<String> options = new ArrayList<>();
        for (String line : jvmOptions.split("\\R")) {
            int comment = line.indexOf('#');
            String text = comment < 0 ? line : line.substring(0, comment);
            for (String option : text.trim().split("\\s+")) {
                if (!option.isEmpty() && !option.startsWith("-XX:SharedArchiveFile")
                        && !option.startsWith("-XX:ArchiveClassesAtExit")) {
                    options.add(option);
                }
            }
        }
        return options;
    }

    /** A program on the PATH, or null. */
    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static List<String> concat(List<String> command, String argument) {
        List<String> all = new ArrayList<>(command);
        all.add(argument);
        return all;
    }

    /** The last lines of a process's stderr, for an error message. */
    static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
