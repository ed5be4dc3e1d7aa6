package io.mixbench.benchmarks;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures WAV files with Mixbench's meters and with libebur128 and prints the differences:
 *
 * <pre>
 * java -cp ... io.mixbench.benchmarks.Compare --ebur128 PROGRAM [--check] FOLDER-OR-FILE...
 * </pre>
 *
 * Folders are searched for {@code *.wav}. With {@code --check} the exit status is 1 when a file's integrated
 * loudness differs by more than {@value #MAX_INTEGRATED_DIFFERENCE_LU} LU, Mixbench's true peak is more than
 * {@value #MAX_TRUE_PEAK_UNDER_READ_DB} dB below libebur128's (libebur128's 4x interpolation under-reads bright
 * material, so reading higher is allowed), or a file cannot be measured. Loudness range and sample peak are
 * printed for information. Run by releng/compare-libebur128.sh.
 */
public final class Compare {

    static final double MAX_INTEGRATED_DIFFERENCE_LU = 0.05;
    static final double MAX_TRUE_PEAK_UNDER_READ_DB = 0.1;
    /** Ids a loudness-range measurement may have (the API names none yet). */
    private static final List<String> LRA_IDS = List.of("loudnessRange", "lra", "LRA");

    /** Both tools' values for one file; NaN where a tool has no value (e.g. the loudness of silence). */
    record Row(String label, int channels, int sampleRateHz, double seconds, double integratedMixbench,
            double integratedEbur128, double samplePeakMixbench, double samplePeakEbur128,
            double truePeakMixbench, double truePeakEbur128, double lraMixbench, double lraEbur128,
            String error) {

        static Row failed(String label, String error) {
            return new Row(label, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, error);
        }
    }

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        Path program = null;
        boolean check = false;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ebur128" -> program = Path.of(args[++i]);
                case "--check" -> check = true;
                default -> roots.add(Path.of(args[i]));
            }
        }
        if (program == null || roots.isEmpty()) {
            System.err.println("usage: Compare --ebur128 PROGRAM [--check] FOLDER-OR-FILE...");
            System.exit(2);
        }
        Mixbench mixbench = Mixbench.fromClassPath();
        System.out.println("Mixbench " + mixbench);
        List<Row> rows = new ArrayList<>();
        for (Path root : roots) {
            for (Path file : files(root)) {
                rows.add(compare(mixbench, program, root, file));
            }
        }
        print(rows, System.out);
        List<String> violations = new ArrayList<>();
        for (Row row : rows) {
            for (String v : violations(row)) {
                violations.add(row.label() + ": " + v);
            }
        }
        if (rows.isEmpty()) {
            violations.add("no WAV files found in " + roots);
        }
        summarize(rows, violations, check, System.out);
        System.exit(check && !violations.isEmpty() ? 1 : 0);
    }

    /** The WAV files under a folder, sorted, or the file itself. */
    static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted()
                    .toList();
        }
    }

    private static Row compare(Mixbench mixbench, Path program, Path root, Path file) {
        String label = Files.isDirectory(root)
                ? root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/')
                : file.toString();
        Mixbench.Measured m;
        try {
            m = mixbench.measure(file);
        } catch (IOException | RuntimeException e) {
            return Row.failed(label, "Mixbench: " + e.getMessage());
        }
        Ebur128.Result e;
        try {
            e = Ebur128.run(program, file);
        } catch (IOException ex) {
            return Row.failed(label, "libebur128: " + ex.getMessage());
        }
        Map<String, Measurement> values = m.measurements();
        return new Row(label, m.format().channels(), m.format().sampleRateHz(), m.seconds(),
                scalar(values, MeasurementIds.INTEGRATED_LOUDNESS), finite(e.integratedLufs()),
                scalar(values, MeasurementIds.SAMPLE_PEAK), finite(e.samplePeakDbfs()),
                scalar(values, MeasurementIds.TRUE_PEAK), finite(e.truePeakDbtp()), lra(values),
                finite(e.loudnessRangeLu()), null);
    }

    private static double finite(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    private static double scalar(Map<String, Measurement> values, String id) {
        return values.get(id) instanceof Scalar s ? s.value() : Double.NaN;
    }

    /** Mixbench's loudness range, LU, under whichever id the meter uses; NaN when no meter measures it. */
    static double lra(Map<String, Measurement> values) {
        for (String id : LRA_IDS) {
            if (values.get(id) instanceof Scalar s && Units.LU.equals(s.unit())) {
                return s.value();
            }
        }
        return Double.NaN;
    }

    /** What is out of tolerance in a row; empty when the row passes. */
    static List<String> violations(Row row) {
        List<String> found = new ArrayList<>();
        if (row.error() != null) {
            found.add("not compared: " + row.error());
            return found;
        }
        double dI = row.integratedMixbench() - row.integratedEbur128();
        if (Double.isNaN(row.integratedMixbench()) != Double.isNaN(row.integratedEbur128())) {
            found.add(String.format(Locale.ROOT, "integrated loudness only in %s",
                    Double.isNaN(row.integratedMixbench()) ? "libebur128" : "Mixbench"));
        } else if (Math.abs(dI) > MAX_INTEGRATED_DIFFERENCE_LU) {
            found.add(String.format(Locale.ROOT, "integrated loudness differs by %+.3f LU (limit %.2f LU)", dI,
                    MAX_INTEGRATED_DIFFERENCE_LU));
        }
        double dTp = row.truePeakMixbench() - row.truePeakEbur128();
        if (Double.isNaN(row.truePeakMixbench()) && !Double.isNaN(row.truePeakEbur128())) {
            found.add("no Mixbench true peak where libebur128 reads one");
        } else if (dTp < -MAX_TRUE_PEAK_UNDER_READ_DB) {
            found.add(String.format(Locale.ROOT, "true peak %.3f dB below libebur128's (limit %.1f dB)", -dTp,
                    MAX_TRUE_PEAK_UNDER_READ_DB));
        }
        return found;
    }

    static void print(List<Row> rows, PrintStream out) {
        int width = 24;
        for (Row row : rows) {
            width = Math.max(width, row.label().length());
        }
        String head = "%-" + width + "s %3s %6s %6s | %8s %8s %7s | %7s %7s %6s | %7s %7s %6s | %5s %5s %5s%n";
        out.printf(Locale.ROOT, head, "file", "ch", "Hz", "s", "I Mixb", "I ebur", "dI LU", "SP Mixb", "SP ebur",
                "dSP", "TP Mixb", "TP ebur", "dTP", "LRA M", "LRA e", "dLRA");
        for (Row r : rows) {
            if (r.error() != null) {
                out.printf(Locale.ROOT, "%-" + width + "s %s%n", r.label(), r.error());
                continue;
            }
            out.printf(Locale.ROOT, "%-" + width + "s %3d %6d %6.1f | %8s %8s %7s | %7s %7s %6s | %7s %7s %6s | "
                    + "%5s %5s %5s%n", r.label(), r.channels(), r.sampleRateHz(), r.seconds(),
                    f(r.integratedMixbench(), 2), f(r.integratedEbur128(), 2),
                    f(r.integratedMixbench() - r.integratedEbur128(), 3), f(r.samplePeakMixbench(), 2),
                    f(r.samplePeakEbur128(), 2), f(r.samplePeakMixbench() - r.samplePeakEbur128(), 2),
                    f(r.truePeakMixbench(), 2), f(r.truePeakEbur128(), 2),
                    f(r.truePeakMixbench() - r.truePeakEbur128(), 2), f(r.lraMixbench(), 1), f(r.lraEbur128(), 1),
                    f(r.lraMixbench() - r.lraEbur128(), 1));
        }
    }

    private static void summarize(List<Row> rows, List<String> violations, boolean check, PrintStream out) {
        double worstI = 0;
        double lowestTp = Double.POSITIVE_INFINITY;
        for (Row r : rows) {
            double dI = Math.abs(r.integratedMixbench() - r.integratedEbur128());
            if (!Double.isNaN(dI)) {
                worstI = Math.max(worstI, dI);
            }
            double dTp = r.truePeakMixbench() - r.truePeakEbur128();
            if (!Double.isNaN(dTp)) {
                lowestTp = Math.min(lowestTp, dTp);
            }
        }
        out.printf(Locale.ROOT, "%d files; largest |dI| %.3f LU (limit %.2f); lowest dTP %s dB (limit -%.1f)%n",
                rows.size(), worstI, MAX_INTEGRATED_DIFFERENCE_LU,
                Double.isInfinite(lowestTp) ? "-" : String.format(Locale.ROOT, "%+.3f", lowestTp),
                MAX_TRUE_PEAK_UNDER_READ_DB);
        if (violations.isEmpty()) {
            out.println(rows.isEmpty() ? "no files compared" : "within tolerance");
        } else {
            out.println((check ? "FAILED: " : "out of tolerance: ") + violations.size() + " problems");
            for (String v : violations) {
                out.println("  " + v);
            }
        }
    }

    private static String f(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
