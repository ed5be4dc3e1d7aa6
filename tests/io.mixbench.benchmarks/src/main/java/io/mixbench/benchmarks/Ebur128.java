package io.mixbench.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the libebur128 measuring program (src/main/c/ebur128-measure.c) on one file and reads its output. */
final class Ebur128 {

    /**
     * What libebur128 measured. Levels of silence are negative infinity.
     *
     * @param integratedLufs integrated loudness, LUFS
     * @param loudnessRangeLu loudness range, LU
     * @param samplePeakDbfs highest sample peak over the channels, dBFS
     * @param truePeakDbtp highest true peak over the channels, dBTP (libebur128's 4x / 2x oversampling)
     * @param decodeSeconds wall-clock time the program spent reading and converting samples, s
     * @param measureSeconds wall-clock time spent inside libebur128, s
     * @param measureCpuSeconds CPU time spent inside libebur128 (one thread), s
     */
    record Result(String version, double integratedLufs, double loudnessRangeLu, double samplePeakDbfs,
            double truePeakDbtp, int channels, int sampleRateHz, long frames, double decodeSeconds,
            double measureSeconds, double measureCpuSeconds) {

        double seconds() {
            return (double) frames / sampleRateHz;
        }
    }

    private Ebur128() {
    }

    /** @throws IOException when the program cannot run or reports an error (its message included) */
    static Result run(Path program, Path file) throws IOException {
        Process process = new ProcessBuilder(List.of(program.toString(), file.toString())).start();
        String out;
        String err;
        int status;
        try {
            process.getOutputStream().close();
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (status != 0) {
            throw new IOException(err.isEmpty() ? program + " exited with status " + status : err);
        }
        return parse(out);
    }

    /** Reads the program's "key TAB value" lines. */
    static Result parse(String output) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                values.put(line.substring(0, tab), line.substring(tab + 1).trim());
            }
        }
        try {
            return new Result(values.getOrDefault("version", "?"), number(values, "integrated_LUFS"),
                    number(values, "loudness_range_LU"), number(values, "sample_peak_dBFS"),
                    number(values, "true_peak_dBTP"), (int) number(values, "channels"),
                    (int) number(values, "sample_rate_Hz"), (long) number(values, "frames"),
                    number(values, "decode_s"), number(values, "measure_s"), number(values, "measure_cpu_s"));
        } catch (IllegalArgumentException e) {
            throw new IOException("unexpected output from the libebur128 program: " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return switch (v) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }
}
