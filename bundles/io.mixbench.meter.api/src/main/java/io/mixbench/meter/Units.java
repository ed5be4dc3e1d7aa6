package io.mixbench.meter;

/** Unit names used in measurements, findings and reports. */
public final class Units {
    /** Level relative to digital full scale (sample peak, RMS). */
    public static final String DBFS = "dBFS";
    /** True-peak level relative to full scale (ITU-R BS.1770 Annex 2). */
    public static final String DBTP = "dBTP";
    /** Absolute loudness, ITU-R BS.1770 (LKFS). */
    public static final String LUFS = "LUFS";
    /** Loudness difference. */
    public static final String LU = "LU";
    /** Level difference or gain. */
    public static final String DB = "dB";
    public static final String HZ = "Hz";
    public static final String SECONDS = "s";
    public static final String MILLISECONDS = "ms";
    /** Percent (0..100, or -100..100 for pan: -100 hard left, +100 hard right). */
    public static final String PERCENT = "%";
    /** A dimensionless ratio, e.g. a correlation coefficient in -1..1. */
    public static final String RATIO = "ratio";
    /** A count of events (clipped runs, overs). */
    public static final String COUNT = "count";
    /** A yes/no value stored as 1 or 0. */
    public static final String FLAG = "flag";

    private Units() {
    }
}
