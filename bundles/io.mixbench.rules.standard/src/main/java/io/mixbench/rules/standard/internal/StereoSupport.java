package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.TimeRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the stereo, mono and tonal rules share: short names for the stereo measurement ids and fix actions they use
 * (from {@link io.mixbench.meter.MeasurementIds} and {@link io.mixbench.rule.Fix}), and the relation between width,
 * mono-sum loss and correlation.
 * <p>
 * With M = (L + R) / 2 and S = (L - R) / 2 the stereo energy is 2 (E_M + E_S) and the mono fold keeps 2 E_M, so
 * the mono-sum loss is a function of the width W = 10 log10(E_S / E_M) alone: loss = -10 log10(1 + 10^(W/10)).
 * That holds for the whole signal and for every band, so narrowing the side by g dB moves every band's width by
 * g dB.
 */
final class StereoSupport {

    /** Side over mid energy, dB within -100..100; absent for mono files (meter "stereo"). */
    static final String WIDTH = MeasurementIds.WIDTH;
    /** Level change when folded to mono, M = (L + R) / 2 on both channels, dB; 0 for mono files. */
    static final String MONO_SUM_LOSS = MeasurementIds.MONO_SUM_LOSS;
    /** Phase correlation of left and right over the file, -1..1. */
    static final String CORRELATION = MeasurementIds.CORRELATION;
    /** {@link Series}: phase correlation in each 100 ms step; NaN where a side is silent. */
    static final String CORRELATION_SERIES = MeasurementIds.CORRELATION_SERIES;

    /** Fix action: scale the side signal (M/S) to this share of its level, %: 100 unchanged, 0 mono. Number. */
    static final String WIDTH_PERCENT = Fix.WIDTH_PERCENT;
    /**
     * Fix action: make the channels fold to mono without cancelling (invert the polarity of the channel that is
     * reversed, i.e. the right one, or bypass the stereo widener). Boolean, always true.
     */
    static final String MONO_COMPATIBLE = Fix.MONO_COMPATIBLE;
    /** Fix action: change left minus right level by this many dB (half on each channel). Number. */
    static final String BALANCE_DB = Fix.BALANCE_DB;
    /** Fix action: the tonal-balance band to equalise, a spectrum-meter band id ("lowMid"). String. */
    static final String EQ_BAND = Fix.EQ_BAND;
    /** Fix action: the centre of that band, Hz. Number. */
    static final String EQ_FREQUENCY_HZ = Fix.EQ_FREQUENCY_HZ;
    /** Fix action: the broad EQ gain to apply on that band, dB. Number. */
    static final String EQ_GAIN_DB = Fix.EQ_GAIN_DB;

    /** The floor the meters use for a complete cancellation or a width without mid, dB. */
    static final double FLOOR_DB = 100;

    private StereoSupport() {
    }

    /** The mono-sum loss of a signal of this width (side/mid, dB), dB. */
    static double lossFromWidth(double widthDb) {
        return -10 * Math.log10(1 + Math.pow(10, widthDb / 10));
    }

    /** The width (side/mid, dB) of a signal with this mono-sum loss (dB, negative), within -100..100. */
    static double widthFromLoss(double lossDb) {
        double ratio = Math.pow(10, -lossDb / 10) - 1;
        if (!(ratio > 0)) {
            return -FLOOR_DB;
        }
        return Math.max(-FLOOR_DB, Math.min(FLOOR_DB, 10 * Math.log10(ratio)));
    }

    /**
     * The correlation at which two channels of equal level lose {@code lossDb} when folded to mono: the fold keeps
     * (1 + r) / 2 of their energy. Channels of unequal level lose less at the same correlation.
     */
    static double correlationAtLoss(double lossDb) {
        return 2 * Math.pow(10, lossDb / 10) - 1;
    }

    /** The track's width: the meter's, else derived from its mono-sum loss; empty when neither is there. */
    static OptionalDouble width(MeasuredTrack track) {
        OptionalDouble width = track.scalar(WIDTH);
        if (width.isPresent()) {
            return width;
        }
        OptionalDouble loss = track.scalar(MONO_SUM_LOSS);
        return loss.isPresent() ? OptionalDouble.of(widthFromLoss(loss.getAsDouble())) : OptionalDouble.empty();
    }

    /** The width share (%) that brings a signal of width {@code widthDb} to {@code targetWidthDb}; at most 100. */
    static double widthPercentFor(double widthDb, double targetWidthDb) {
        return Math.min(100, 100 * Math.pow(10, (targetWidthDb - widthDb) / 20));
    }

    /** A track's integrated loudness corrected to stereo with the session's pan law; empty when it has none. */
    static OptionalDouble loudness(RuleContext context, MeasuredTrack track) {
        OptionalDouble loudness = track.scalar(MeasurementIds.INTEGRATED_LOUDNESS);
        return loudness.isPresent()
                ? OptionalDouble.of(loudness.getAsDouble() + RuleSupport.offset(context, track))
                : OptionalDouble.empty();
    }

    /**
     * Where the track plays and its correlation is below {@code threshold}: the {@code limit} longest runs of such
     * 100 ms steps, in time order; empty when the series are missing.
     */
    static List<TimeRange> correlationBelow(MeasuredTrack track, double threshold, int limit) {
        Optional<Series> correlation = track.series(CORRELATION_SERIES);
        if (correlation.isEmpty()) {
            return List.of();
        }
        Series r = correlation.get();
        Optional<Series> activity = track.series(MeasurementIds.ACTIVITY);
        boolean[] flags = new boolean[r.size()];
        for (int i = 0; i < flags.length; i++) {
            boolean active = activity.isEmpty() || i < activity.get().size() && activity.get().get(i) >= 0.5f;
            float v = r.get(i);
            flags[i] = active && Float.isFinite(v) && v < threshold;
        }
        return RuleSupport.longest(RuleSupport.runs(flags, r.stepSeconds()), limit);
    }

    /** A signed figure: "+2.0", "-1.5", "0.0". */
    static String signed(double value) {
        double rounded = RuleSupport.round1(value);
        return (rounded > 0 ? "+" : "") + RuleSupport.f1(rounded);
    }

    /** A frequency for a sentence: "1000", "350", "63", "14000" (two significant digits above 100 Hz). */
    static String hertz(double hz) {
        if (hz >= 100) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(hz)) - 1);
            return String.format(Locale.ROOT, "%.0f", Math.round(hz / magnitude) * magnitude);
        }
        return String.format(Locale.ROOT, "%.0f", hz);
    }

    /** A count limit from a parameter. */
    static int count(RuleContext context, String parameterId) {
        return (int) Math.max(0, Math.round(context.parameter(parameterId)));
    }
}
