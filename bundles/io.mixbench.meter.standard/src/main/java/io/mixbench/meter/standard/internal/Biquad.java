package io.mixbench.meter.standard.internal;

/**
 * Coefficients of one second-order IIR section with a0 normalised to 1:
 * {@code y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]}. The meters run these in transposed
 * direct form II, in double precision, with the state inlined in their loops.
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** Magnitude response at {@code frequencyHz} for a stream at {@code sampleRateHz}, dB. */
    public double magnitudeDb(double frequencyHz, double sampleRateHz) {
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        // H(e^jw) = (b0 + b1 e^-jw + b2 e^-2jw) / (1 + a1 e^-jw + a2 e^-2jw)
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = -(a1 * s1 + a2 * s2);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** Magnitude of a cascade of sections, dB. */
    public static double cascadeMagnitudeDb(double frequencyHz, double sampleRateHz, Biquad... sections) {
        double db = 0;
        for (Biquad b : sections) {
            db += b.magnitudeDb(frequencyHz, sampleRateHz);
        }
        return db;
    }
}
