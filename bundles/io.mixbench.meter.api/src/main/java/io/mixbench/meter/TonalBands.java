package io.mixbench.meter;

import java.util.List;

/**
 * The tonal-balance band plan: seven contiguous bands from 20 Hz to 20 kHz. The one table of their edges: the
 * spectrum meter measures {@link MeasurementIds#TONAL_BALANCE} and the {@link MeasurementIds#BAND_ENERGY_SERIES_PREFIX}
 * series in these bands, rules judge them and reports draw them. Since 1.4.
 */
public final class TonalBands {

    /**
     * One band.
     *
     * @param id the stable id, used in measurement ids and rule parameters ({@code "lowMid"})
     * @param name the name in sentences, lower case ({@code "low-mid"})
     * @param lowHz the lower edge, Hz, inside the band
     * @param highHz the upper edge, Hz, outside it (the next band's lower edge)
     */
    public record Band(String id, String name, double lowHz, double highHz) {

        /** The geometric centre of the edges, Hz: where a spectrum reports the band. */
        public double centreHz() {
            return Math.sqrt(lowHz * highHz);
        }

        /** Whether the frequency lies in {@code [lowHz, highHz)}. */
        public boolean holds(double frequencyHz) {
            return frequencyHz >= lowHz && frequencyHz < highHz;
        }
    }

    /** The bands in ascending order: sub, low, low-mid, mid, high-mid, high, air. */
    public static final List<Band> BANDS = List.of(
            new Band("sub", "sub", 20, 60),
            new Band("low", "low", 60, 250),
            new Band("lowMid", "low-mid", 250, 500),
            new Band("mid", "mid", 500, 2000),
            new Band("highMid", "high-mid", 2000, 4000),
            new Band("high", "high", 4000, 10000),
            new Band("air", "air", 10000, 20000));

    /** The index in {@link #BANDS} of the mid band (500-2000 Hz), which tonal targets are relative to. */
    public static final int MID = 3;

    private TonalBands() {
    }

    /** The number of bands. */
    public static int count() {
        return BANDS.size();
    }

    /** Band {@code index} of {@link #BANDS}. */
    public static Band band(int index) {
        return BANDS.get(index);
    }

    /** The index in {@link #BANDS} of the band that holds the frequency, or -1 outside 20 Hz..20 kHz. */
    public static int indexOf(double frequencyHz) {
        for (int b = 0; b < BANDS.size(); b++) {
            if (BANDS.get(b).holds(frequencyHz)) {
                return b;
            }
        }
        return -1;
    }
}
