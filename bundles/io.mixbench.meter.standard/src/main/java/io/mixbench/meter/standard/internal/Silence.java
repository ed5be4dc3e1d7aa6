package io.mixbench.meter.standard.internal;

/**
 * Digital silence, which exported stems are for long stretches: samples that are +0.0 (a decoder's integer 0). Only
 * +0.0 counts, so that a -0.0 sample takes the meters' full path, which tests compare with the silent one.
 */
final class Silence {

    private Silence() {
    }

    /** Whether x[offset .. offset + n) are all +0.0. */
    static boolean isSilent(float[] x, int offset, int n) {
        for (int i = offset, end = offset + n; i < end; i++) {
            if (Float.floatToRawIntBits(x[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
