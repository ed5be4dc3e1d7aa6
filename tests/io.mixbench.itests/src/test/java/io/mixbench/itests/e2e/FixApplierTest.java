package io.mixbench.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The fix kinds are carried out as named: a high-pass of the type and slope the fix gives (a Linkwitz-Riley filter is
 * -6 dB at its corner, a Butterworth one -3 dB), an EQ with its Q; a fix that leaves out what is needed to carry it
 * out fails, as an unknown action does.
 */
class FixApplierTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int RATE_HZ = 44_100;

    /** A session with one stereo part, "Pad": a {@code midHz} sine in the mid, a {@code sideHz} sine in the side. */
    static Multitrack session(double midHz, double sideHz) {
        int frames = 4 * RATE_HZ;
        float[][] audio = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            double m = 0.25 * Math.sin(2 * Math.PI * midHz * i / RATE_HZ);
            double s = 0.25 * Math.sin(2 * Math.PI * sideHz * i / RATE_HZ);
            audio[0][i] = (float) (m + s);
            audio[1][i] = (float) (m - s);
        }
        Multitrack m = new Multitrack(RATE_HZ, "stems");
        m.parts.put("Pad", new Multitrack.Track("pad", null, audio));
        return m;
    }

    /** Level of (L + sign R) / 2 over the last second (past the filters' settling), relative to a 0.25 sine, dB. */
    static double levelDb(Multitrack m, int sign) {
        float[][] a = m.part("Pad").audio;
        double sum = 0;
        int from = a[0].length - RATE_HZ;
        for (int i = from; i < a[0].length; i++) {
            double v = (a[0][i] + sign * a[1][i]) / 2.0;
            sum += v * v;
        }
        return 10 * Math.log10(sum / RATE_HZ / (0.25 * 0.25 / 2));
    }

    static JsonNode fix(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aSideHighPassHasTheTypeAndSlopeItNames() throws Exception {
        Multitrack lr = session(100, 400);
        FixApplier.apply(fix("{\"track\": \"Pad\", \"sideHighPassHz\": 400, \"filterType\": \"linkwitz-riley\", "
                + "\"filterSlopeDbPerOctave\": 24}"), lr);
        assertEquals(-6.02, levelDb(lr, -1), 0.1, "Linkwitz-Riley: -6 dB at the corner");
        assertEquals(0, levelDb(lr, 1), 0.01, "the mid is untouched");

        Multitrack butterworth = session(100, 400);
        FixApplier.apply(fix("{\"track\": \"Pad\", \"sideHighPassHz\": 400, \"filterType\": \"butterworth\", "
                + "\"filterSlopeDbPerOctave\": 24}"), butterworth);
        assertEquals(-3.01, levelDb(butterworth, -1), 0.1, "Butterworth: -3 dB at the corner");

        // an octave below the corner: 4th-order Linkwitz-Riley 20 log10(1 / (1 + 2^4)) = -24.6 dB; 2nd order -12.3
        Multitrack steep = session(100, 200);
        FixApplier.apply(fix("{\"track\": \"Pad\", \"sideHighPassHz\": 400, \"filterType\": \"linkwitz-riley\", "
                + "\"filterSlopeDbPerOctave\": 24}"), steep);
        assertEquals(-24.6, levelDb(steep, -1), 0.3);
        Multitrack gentle = session(100, 200);
        FixApplier.apply(fix("{\"track\": \"Pad\", \"sideHighPassHz\": 400, \"filterType\": \"butterworth\", "
                + "\"filterSlopeDbPerOctave\": 12}"), gentle);
        assertEquals(-12.3, levelDb(gentle, -1), 0.3);
    }

    @Test
    void aFixWithoutWhatItNeedsFails() throws Exception {
        Multitrack m = session(100, 400);
        assertThrows(AssertionError.class, () -> FixApplier.apply(fix("{\"track\": \"Pad\", \"sideHighPassHz\": 300}"),
                m), "a side high-pass without its filter");
        assertThrows(AssertionError.class, () -> FixApplier.apply(fix("{\"track\": \"Pad\", \"sideHighPassHz\": 300, "
                + "\"filterType\": \"linkwitz-riley\", \"filterSlopeDbPerOctave\": 18}"), m),
                "a Linkwitz-Riley filter of odd order");
        assertThrows(AssertionError.class, () -> FixApplier.apply(fix("{\"track\": \"Pad\", \"eqBand\": \"lowMid\", "
                + "\"eqFrequencyHz\": 353.6, \"eqGainDb\": -3}"), m), "a bell without its Q");
        assertThrows(AssertionError.class, () -> FixApplier.apply(fix("{\"track\": \"Pad\", \"tapeSaturation\": 1}"),
                m), "an action no implementation carries out");
    }

    @Test
    void aBellHasTheQItNames() throws Exception {
        // a sine an octave above a one-octave bell (Q 1.41) keeps more of itself than under a four-octave one (Q 0.27)
        Multitrack narrow = session(707, 100);
        FixApplier.apply(fix("{\"track\": \"Pad\", \"eqBand\": \"lowMid\", \"eqFrequencyHz\": 353.6, "
                + "\"eqGainDb\": -12, \"eqQ\": 1.41}"), narrow);
        Multitrack wide = session(707, 100);
        FixApplier.apply(fix("{\"track\": \"Pad\", \"eqBand\": \"lowMid\", \"eqFrequencyHz\": 353.6, "
                + "\"eqGainDb\": -12, \"eqQ\": 0.27}"), wide);
        double narrowDb = levelDb(narrow, 1);
        double wideDb = levelDb(wide, 1);
        assertTrue(narrowDb > wideDb + 3, narrowDb + " dB against " + wideDb + " dB");
    }
}
