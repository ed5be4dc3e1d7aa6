package io.mixbench.meter.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The low end below the crossover, from the spectrum weighted by a 4th-order Butterworth power response. */
class LowEndTest {

    private static final int FS = 48_000;
    private static final String PAN = MeasurementIds.LOW_END_PAN;
    private static final String SIDE = MeasurementIds.LOW_END_SIDE;

    static Map<String, Measurement> measure(int fs, float[]... channels) {
        return measure(new SpectrumMeterFactory(), fs, channels);
    }

    static Map<String, Measurement> measure(SpectrumMeterFactory factory, int fs, float[]... channels) {
        AudioFormat format = new AudioFormat(fs, ChannelLayout.defaultFor(channels.length), 24,
                SampleEncoding.PCM_INTEGER, channels[0].length, "test");
        return TestSignals.run(factory.create(format), channels, 4096);
    }

    static Scalar scalar(Map<String, Measurement> m, String id) {
        return (Scalar) m.get(id);
    }

    static double value(Map<String, Measurement> m, String id) {
        Scalar s = scalar(m, id);
        assertTrue(s.present(), id + " absent: " + s.reason());
        return s.value();
    }

    /** A 60 Hz + 1 kHz mix, 2 s. */
    private static float[] music() {
        return TestSignals.sum(TestSignals.tone(FS, 60, 2, -12), TestSignals.tone(FS, 1000, 2, -18));
    }

    @Test
    void identicalChannelsAreCentred() {
        float[] x = music();
        Map<String, Measurement> m = measure(FS, x, x);
        assertEquals(0, value(m, PAN), 1e-9);
        assertEquals(0, value(m, MeasurementIds.LOW_END_BALANCE), 1e-9);
        assertEquals(1, value(m, MeasurementIds.LOW_END_CORRELATION), 1e-12);
        // Equal transforms: the side sums to exactly 0.
        assertEquals(-100, value(m, SIDE));
        assertEquals(Units.DB, scalar(m, SIDE).unit());
        assertEquals(Units.PERCENT, scalar(m, PAN).unit());
        assertEquals(Units.RATIO, scalar(m, MeasurementIds.LOW_END_CORRELATION).unit());
    }

    @Test
    void hardLeftAndHardRight() {
        float[] x = music();
        float[] silence = new float[x.length];
        Map<String, Measurement> m = measure(FS, x, silence);
        assertEquals(-100, value(m, PAN), 1e-9);
        assertEquals(100, value(m, MeasurementIds.LOW_END_BALANCE));
        // One channel only: mid and side carry the same energy.
        assertEquals(0, value(m, SIDE), 1e-9);
        assertEquals("one channel silent", scalar(m, MeasurementIds.LOW_END_CORRELATION).reason());
        m = measure(FS, silence, x);
        assertEquals(100, value(m, PAN), 1e-9);
        assertEquals(-100, value(m, MeasurementIds.LOW_END_BALANCE));
    }

    @Test
    void constantPowerPanTo50PercentRight() {
        // -3 dB law: L = cos(theta), R = sin(theta), theta = (pan + 1) pi / 4.
        double theta = 1.5 * Math.PI / 4;
        float[] bass = TestSignals.tone(FS, 60, 4, -6);
        Map<String, Measurement> m = measure(FS, TestSignals.scaled(bass, Math.cos(theta)),
                TestSignals.scaled(bass, Math.sin(theta)));
        assertEquals(50, value(m, PAN), 0.01);
        assertEquals(20 * Math.log10(Math.cos(theta) / Math.sin(theta)), value(m, MeasurementIds.LOW_END_BALANCE),
                0.001);
    }

    @Test
    void ignoresHighs() {
        // Bass centred, a 2 kHz part hard right: only the bass is low end.
        float[] bass = TestSignals.tone(FS, 60, 4, -12);
        float[] lead = TestSignals.tone(FS, 2000, 4, -6);
        Map<String, Measurement> m = measure(FS, bass, TestSignals.sum(bass, lead));
        assertEquals(0, value(m, PAN), 0.01);
        assertTrue(value(m, SIDE) < -60, "side " + value(m, SIDE));
    }

    @Test
    void balanceAndCorrelation() {
        float[] bass = TestSignals.tone(FS, 60, 4, -12);
        float[] hats = TestSignals.faded(TestSignals.tone(FS, 5000, 4, -6), FS / 100);
        // Bass 6 dB louder on the left, hats only on the right: the low end ignores the hats.
        Map<String, Measurement> m = measure(FS, bass, TestSignals.sum(TestSignals.scaled(bass, 0.5), hats));
        assertEquals(6.02, value(m, MeasurementIds.LOW_END_BALANCE), 0.01);
        assertEquals(1, value(m, MeasurementIds.LOW_END_CORRELATION), 1e-4);
    }

    @Test
    void antiPhaseIsAllSide() {
        float[] bass = TestSignals.tone(FS, 60, 2, -12);
        Map<String, Measurement> m = measure(FS, bass, TestSignals.negate(bass));
        assertEquals(100, value(m, SIDE));
        assertEquals(0, value(m, PAN), 1e-9);
        assertEquals(0, value(m, MeasurementIds.LOW_END_BALANCE), 1e-9);
        assertEquals(-1, value(m, MeasurementIds.LOW_END_CORRELATION), 1e-12);
    }

    @Test
    void monoIsCentred() {
        Map<String, Measurement> m = measure(FS, music());
        assertEquals(0, value(m, PAN));
        assertEquals(0, value(m, MeasurementIds.LOW_END_BALANCE));
        assertEquals(1, value(m, MeasurementIds.LOW_END_CORRELATION));
        assertFalse(scalar(m, SIDE).present());
        assertEquals(MeasurementReasons.MONO, scalar(m, SIDE).reason());
    }

    @Test
    void noLowEnd() {
        // Faded in and out: an abrupt start would itself put energy below 200 Hz.
        float[] hats = TestSignals.faded(TestSignals.tone(FS, 5000, 2, -6), FS / 100);
        for (float[][] channels : new float[][][]{{hats, hats}, {hats}}) {
            Map<String, Measurement> m = measure(FS, channels);
            for (String id : new String[]{PAN, SIDE, MeasurementIds.LOW_END_BALANCE,
                    MeasurementIds.LOW_END_CORRELATION}) {
                String expected = channels.length == 1 && id.equals(SIDE)
                        ? MeasurementReasons.MONO
                        : MeasurementReasons.NO_LOW_END;
                assertEquals(expected, scalar(m, id).reason(), id);
            }
        }
        // The same part 80 dB louder in the low end is there.
        float[] low = TestSignals.sum(hats, TestSignals.tone(FS, 50, 2, -80));
        assertTrue(scalar(measure(FS, low, low), PAN).present());
    }

    @Test
    void otherChannelCountsSilenceAndNonFiniteInput() {
        float[] x = music();
        Map<String, Measurement> m = measure(FS, x, x, x);
        for (String id : new String[]{PAN, SIDE, MeasurementIds.LOW_END_BALANCE, MeasurementIds.LOW_END_CORRELATION}) {
            assertEquals(MeasurementReasons.NOT_STEREO, scalar(m, id).reason(), id);
        }
        float[] silence = new float[FS];
        m = measure(FS, silence, silence);
        for (String id : new String[]{PAN, SIDE, MeasurementIds.LOW_END_BALANCE, MeasurementIds.LOW_END_CORRELATION}) {
            assertEquals(MeasurementReasons.SILENT, scalar(m, id).reason(), id);
        }
        float[] broken = x.clone();
        broken[FS / 2] = Float.NaN;
        m = measure(FS, broken, x);
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, PAN).reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 22_050, 44_100, 96_000, 192_000, 384_000})
    void worksAtOtherRates(int fs) {
        double theta = 1.5 * Math.PI / 4;
        float[] bass = TestSignals.tone(fs, 60, 2, -6);
        Map<String, Measurement> m = measure(fs, TestSignals.scaled(bass, Math.cos(theta)),
                TestSignals.scaled(bass, Math.sin(theta)));
        assertEquals(50, value(m, PAN), 0.01, fs + " Hz");
    }

    /** The crossover is configurable: a 150 Hz side part against a 60 Hz mid, at 200 and at 100 Hz. */
    @Test
    void configurableCrossover() {
        float[] centred = TestSignals.tone(FS, 60, 4, -12);
        float[] wide = TestSignals.tone(FS, 150, 4, -12);
        float[] left = TestSignals.sum(centred, wide);
        float[] right = TestSignals.sum(centred, TestSignals.scaled(wide, -1));
        double sideAt200 = value(measure(FS, left, right), SIDE);
        double sideAt100 = value(measure(new SpectrumMeterFactory(100), FS, left, right), SIDE);
        // 150 Hz passes a 200 Hz crossover nearly whole, 1 / (1 + 0.75^8), but is 1 / (1 + 1.5^8) = -14.2 dB behind a
        // 100 Hz one (the window spreads each tone over a few bins along the steep slope: 0.1 dB).
        assertEquals(10 * Math.log10(1 / (1 + Math.pow(0.75, 8))), sideAt200, 0.02);
        assertEquals(10 * Math.log10((1 + Math.pow(0.6, 8)) / (1 + Math.pow(1.5, 8))), sideAt100, 0.1);
    }

    @Test
    void weightsFollowTheButterworthResponse() {
        double[] g = SpectrumMeter.lowEndWeights(8192, FS, 200);
        double binHz = FS / 8192.0;
        assertEquals(1, g[0], 1e-12);
        assertEquals(2 * 0.5, g[(int) Math.round(200 / binHz)], 0.03);
        assertEquals(0.5, SpectrumMeter.response(200, 200), 1e-15);
        assertEquals(1 / (1 + Math.pow(4, 8)), SpectrumMeter.response(800, 200), 1e-18);
        // Cut where the response falls below -100 dB, about 17.8 x the crossover.
        double lastHz = (g.length - 1) * binHz;
        double cutHz = 200 * Math.pow(1e10, 1 / 8.0);
        assertTrue(lastHz < cutHz && lastHz + binHz >= cutHz, lastHz + " Hz");
        // A crossover near Nyquist weighs every bin, Nyquist once.
        double[] all = SpectrumMeter.lowEndWeights(16, 16, 7);
        assertEquals(9, all.length);
    }

    /**
     * Against its time-domain counterpart: a 4th-order Butterworth low-pass (bilinear, two biquads) run over
     * correlated, unequal pink noise in double precision, then the sums of the definitions.
     */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void agreesWithAButterworthLowPassInTheTimeDomain(int fs) {
        SplittableRandom random = new SplittableRandom(fs);
        int frames = fs * 30;
        float[] common = TestSignals.pink(random, frames, 0.05);
        float[] onlyLeft = TestSignals.pink(random, frames, 0.03);
        float[] onlyRight = TestSignals.pink(random, frames, 0.02);
        float[] left = TestSignals.sum(common, onlyLeft);
        float[] right = TestSignals.sum(TestSignals.scaled(common, 0.6), onlyRight);
        double[] l = lowPass(left, fs, 200);
        double[] r = lowPass(right, fs, 200);
        double ll = 0;
        double rr = 0;
        double lr = 0;
        for (int i = 0; i < frames; i++) {
            ll += l[i] * l[i];
            rr += r[i] * r[i];
            lr += l[i] * r[i];
        }
        Map<String, Measurement> m = measure(fs, left, right);
        assertEquals(10 * Math.log10(ll / rr), value(m, MeasurementIds.LOW_END_BALANCE), 0.05);
        assertEquals(lr / Math.sqrt(ll * rr), value(m, MeasurementIds.LOW_END_CORRELATION), 0.005);
        assertEquals(10 * Math.log10((ll + rr - 2 * lr) / (ll + rr + 2 * lr)), value(m, SIDE), 0.05);
    }

    /** Two RBJ low-pass biquads with the Butterworth Qs, pre-warped at the cut-off, as difference equations. */
    private static double[] lowPass(float[] x, double fs, double cutoffHz) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        for (double q : new double[]{1 / (2 * Math.cos(Math.PI / 8)), 1 / (2 * Math.cos(3 * Math.PI / 8))}) {
            double w0 = 2 * Math.PI * cutoffHz / fs;
            double alpha = Math.sin(w0) / (2 * q);
            double a0 = 1 + alpha;
            double b = (1 - Math.cos(w0)) / 2 / a0;
            double a1 = -2 * Math.cos(w0) / a0;
            double a2 = (1 - alpha) / a0;
            double[] out = new double[y.length];
            for (int n = 0; n < y.length; n++) {
                double x1 = n >= 1 ? y[n - 1] : 0;
                double x2 = n >= 2 ? y[n - 2] : 0;
                double y1 = n >= 1 ? out[n - 1] : 0;
                double y2 = n >= 2 ? out[n - 2] : 0;
                out[n] = b * (y[n] + 2 * x1 + x2) - a1 * y1 - a2 * y2;
            }
            y = out;
        }
        return y;
    }
}
