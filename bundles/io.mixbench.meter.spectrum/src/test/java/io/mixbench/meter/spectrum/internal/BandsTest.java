package io.mixbench.meter.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BandsTest {

    @Test
    void nominalCentresAreCloseToExactOnes() {
        for (int i = 0; i < Bands.THIRD_OCTAVE_NOMINAL_HZ.length; i++) {
            double exact = Bands.thirdOctaveExactHz(i);
            assertEquals(1, Bands.THIRD_OCTAVE_NOMINAL_HZ[i] / exact, 0.03, "1/3 octave " + i);
        }
        for (int i = 0; i < Bands.OCTAVE_NOMINAL_HZ.length; i++) {
            assertEquals(1, Bands.OCTAVE_NOMINAL_HZ[i] / Bands.octaveExactHz(i), 0.03, "octave " + i);
        }
        assertEquals(1000, Bands.thirdOctaveExactHz(17), 1e-9);
        // IEC 61260-1 base 10: the 20 Hz band is 17.78..22.39 Hz.
        assertEquals(17.78, Bands.thirdOctaveEdges()[0][0], 0.005);
        assertEquals(22.39, Bands.thirdOctaveEdges()[1][0], 0.005);
    }

    /** The meter adds three 1/3-octave bands to make an octave band: their edges must coincide. */
    @Test
    void octaveBandsAreThreeThirdOctaveBands() {
        double[][] third = Bands.thirdOctaveEdges();
        double[][] octave = Bands.octaveEdges();
        for (int b = 0; b < octave[0].length; b++) {
            int first = Bands.FIRST_THIRD_OF_OCTAVE + 3 * b;
            assertEquals(octave[0][b], third[0][first], 1e-9 * octave[0][b]);
            assertEquals(octave[1][b], third[1][first + 2], 1e-9 * octave[1][b]);
            assertEquals(Bands.OCTAVE_NOMINAL_HZ[b], Bands.THIRD_OCTAVE_NOMINAL_HZ[first + 1]);
        }
    }

    @Test
    void bandsAreContiguous() {
        double[][] third = Bands.thirdOctaveEdges();
        for (int i = 1; i < third[0].length; i++) {
            assertEquals(third[1][i - 1], third[0][i], 1e-9 * third[0][i]);
        }
        // the tonal bands are the meter API's TonalBands: TonalBandsTest there
    }
}
