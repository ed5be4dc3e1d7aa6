package io.mixbench.meter.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterDesignTest {

    /** BS.1770-5 Tables 1 and 2 (48 kHz) and the derived table of standards-and-peers.md section 2.1. */
    @ParameterizedTest
    @CsvSource({
            "44100, 1.53084123005035, -2.65097999515473, 1.16907907992159, -1.66365511325602, 0.71259542807323,"
                    + " -1.98916967362980, 0.98919903578704",
            "48000, 1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585,"
                    + " -1.99004745483398, 0.99007225036621",
            "88200, 1.55751537557965, -2.90562707992635, 1.36133397747221, -1.83091998796233, 0.84414226108785,"
                    + " -1.99457751545034, 0.99458487587805",
            "96000, 1.55971422897580, -2.92674157825108, 1.37826120231582, -1.84460946989011, 0.85584332293064,"
                    + " -1.99501754472472, 0.99502375904092",
            "192000, 1.57222721509128, -3.04728305156155, 1.47797134097961, -1.92220223060749, 0.92511773511683,"
                    + " -1.99750722284070, 0.99750877835551"})
    void kWeightingMatchesTheTable(int fs, double b0, double b1, double b2, double a1, double a2, double hpA1,
            double hpA2) {
        Biquad shelf = KWeighting.shelf(fs);
        assertEquals(b0, shelf.b0(), 1e-12);
        assertEquals(b1, shelf.b1(), 1e-12);
        assertEquals(b2, shelf.b2(), 1e-12);
        assertEquals(a1, shelf.a1(), 1e-12);
        assertEquals(a2, shelf.a2(), 1e-12);
        Biquad highPass = KWeighting.highPass(fs);
        assertEquals(1.0, highPass.b0());
        assertEquals(-2.0, highPass.b1());
        assertEquals(1.0, highPass.b2());
        assertEquals(hpA1, highPass.a1(), 1e-12);
        assertEquals(hpA2, highPass.a2(), 1e-12);
    }

    @Test
    void kWeightingResponseAt48kHz() {
        Biquad shelf = KWeighting.shelf(48_000);
        Biquad highPass = KWeighting.highPass(48_000);
        assertEquals(0.691, Biquad.cascadeMagnitudeDb(997, 48_000, shelf, highPass), 0.001);
        assertEquals(-13.275, Biquad.cascadeMagnitudeDb(20, 48_000, shelf, highPass), 0.001);
        assertEquals(4.042, Biquad.cascadeMagnitudeDb(10_000, 48_000, shelf, highPass), 0.001);
    }

    /** Every phase of the cascade, as one FIR on the input, is flat to 0.01 dB over the band the factor is for. */
    @ParameterizedTest
    @CsvSource({"8000", "44100", "48000", "96000", "192000", "384000"})
    void truePeakPhasesAreFlatOverTheAudioBand(int fs) {
        TruePeakOversampler oversampler = TruePeakOversampler.forSampleRate(fs);
        double band = Math.min(0.45 * fs, 20_000);
        for (int p = 1; p < oversampler.factor(); p++) {
            double[] c = oversampler.compositeKernel(p);
            double worst = 0;
            for (double f = 0; f <= band; f += band / 200) {
                worst = Math.max(worst, Math.abs(magnitudeDb(c, f / fs)));
            }
            assertTrue(worst < 0.01, fs + " Hz phase " + p + " ripple " + worst + " dB");
        }
    }

    /** BS.1770-5 Attachment 1: the grid's worst-case under-read stays under 0.1 dB at every rate from 8 to 384 kHz. */
    @Test
    void oversamplingFollowsTheSampleRate() {
        assertEquals(10, TruePeakOversampler.factorFor(44_100));
        assertEquals(10, TruePeakOversampler.factorFor(48_000));
        assertEquals(6, TruePeakOversampler.factorFor(96_000));
        assertEquals(4, TruePeakOversampler.factorFor(192_000));
        assertEquals(2, TruePeakOversampler.factorFor(384_000));
        for (int fs = 8_000; fs <= 384_000; fs += 100) {
            int n = TruePeakOversampler.factorFor(fs);
            double band = Math.min(0.45 * fs, 20_000);
            double underRead = TruePeakOversampler.gridUnderReadDb(band, fs, n);
            assertTrue(underRead > -0.09, fs + " Hz x" + n + ": " + underRead + " dB");
        }
        // The Attachment 1 table itself: n = 4 under-reads 0.688 dB at 0.5 fs, n = 8 0.169 dB.
        assertEquals(-0.688, TruePeakOversampler.gridUnderReadDb(24_000, 48_000, 4), 0.001);
        assertEquals(-0.169, TruePeakOversampler.gridUnderReadDb(24_000, 48_000, 8), 0.001);
        assertEquals(-0.087, TruePeakOversampler.gridUnderReadDb(21_600, 48_000, 10), 0.001);
    }

    @Test
    void besselI0() {
        assertEquals(1, TruePeakOversampler.besselI0(0));
        assertEquals(27.239871823604442, TruePeakOversampler.besselI0(5), 1e-12);
    }

    /** |H(f)| of an FIR, dB (linear phase is ignored: only the magnitude matters for peaks). */
    private static double magnitudeDb(double[] h, double normalisedFrequency) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < h.length; k++) {
            re += h[k] * Math.cos(2 * Math.PI * normalisedFrequency * k);
            im -= h[k] * Math.sin(2 * Math.PI * normalisedFrequency * k);
        }
        return 10 * Math.log10(re * re + im * im);
    }
}
