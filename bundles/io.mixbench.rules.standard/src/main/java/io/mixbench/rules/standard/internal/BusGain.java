package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.TimeRange;
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the null test says about the mix bus's gain (the {@code nullTest} meter's gain measures, docs/measurements.md):
 * a limiter (a gain envelope: the quiet samples near a peak share its reduction and a gain per 10 ms explains the
 * mix), saturation or clipping (only the samples near the peaks bend), or neither (EQ, a missing stem: the reading is
 * empty). Shared by bus.limiting, which reports it, and mix.headroom, which then does not offer a fader move after
 * the limiter.
 *
 * @param kind what lowers the peaks
 * @param peakReductionDb the loudest hit's gain reduction below the make-up gain, dB
 * @param makeUpGainDb the bus's gain where it idles, dB
 * @param limitedSharePercent share of the song's duration reduced by 0.5 dB or more, %
 * @param sumPeakDbfs the stems' sum's sample peak, dBFS: where the mix peaks without the bus processing and its gain
 * @param ranges where the bus reduces the gain, phrases closer than {@link #JOIN_SECONDS} joined
 */
record BusGain(Kind kind, double peakReductionDb, double makeUpGainDb, double limitedSharePercent,
        double sumPeakDbfs, List<TimeRange> ranges) {

    enum Kind {
        LIMITER, SATURATION
    }

    /** The meter's id and its gain measures. */
    static final String NULL_TEST = "nullTest";
    /**
     * A limiter's gain per 10 ms explains the mix's median reduced step to -42 dB or better (-42 to -58 dB measured on
     * the demo and a drum loop), EQ only to -9 to -30 dB.
     */
    static final double MAX_FIT_RESIDUAL_DB = -35;
    /** A gain envelope spreads about 100 % of the reduction to the quiet samples; saturation under 40 %. */
    static final double MIN_ENVELOPE_SPREAD_PERCENT = 50;
    /** A limiter's reduction follows the sum's level; EQ's and a missing stem's do not (-0.6 to 0.1). */
    static final double MIN_LIMITER_CORRELATION = 0.2;
    /** Saturation follows the level closely (about 0.9 for a tanh, 0.6-0.7 for sox overdrive). */
    static final double MIN_SATURATION_CORRELATION = 0.5;
    /** Steps of the gain-reduction series from this reduction on are limited, dB (the meter's own threshold). */
    static final double LIMITED_FROM_DB = 0.5;
    /** Limited stretches closer than this are one range (a limiter that catches every beat of a chorus), s. */
    static final double JOIN_SECONDS = 1.0;

    /** The null test of this mix in a stems session, if the meter measured one. */
    static Optional<GroupMeasurement> nullTest(RuleContext context, MeasuredTrack mix) {
        if (context.session().exportKind() != ExportKind.STEMS) {
            return Optional.empty();
        }
        return context.groupMeasurements().stream()
                .filter(g -> NULL_TEST.equals(g.meterId()) && g.tracks().size() >= 2
                        && g.tracks().get(0).equals(mix.name()))
                .findFirst();
    }

    /** The mix bus's gain reduction, when the null test shows a limiter or saturation lowering the peaks. */
    static Optional<BusGain> of(RuleContext context, MeasuredTrack mix) {
        return nullTest(context, mix).flatMap(BusGain::read);
    }

    static Optional<BusGain> read(GroupMeasurement group) {
        OptionalDouble reduction = group.scalar(MeasurementIds.NULL_TEST_PEAK_GAIN_REDUCTION);
        OptionalDouble makeUp = group.scalar(MeasurementIds.NULL_TEST_MAKE_UP_GAIN);
        OptionalDouble share = group.scalar(MeasurementIds.NULL_TEST_LIMITED_SHARE);
        OptionalDouble fit = group.scalar(MeasurementIds.NULL_TEST_LIMITED_FIT_RESIDUAL);
        OptionalDouble spread = group.scalar(MeasurementIds.NULL_TEST_REDUCTION_SPREAD);
        OptionalDouble correlation = group.scalar(MeasurementIds.NULL_TEST_REDUCTION_LEVEL_CORRELATION);
        OptionalDouble sumPeak = group.scalar(MeasurementIds.NULL_TEST_SUM_PEAK);
        if (reduction.isEmpty() || makeUp.isEmpty() || share.isEmpty() || spread.isEmpty()
                || correlation.isEmpty() || sumPeak.isEmpty() || reduction.getAsDouble() <= 0) {
            return Optional.empty();
        }
        Kind kind;
        if (spread.getAsDouble() >= MIN_ENVELOPE_SPREAD_PERCENT && fit.isPresent()
                && fit.getAsDouble() <= MAX_FIT_RESIDUAL_DB
                && correlation.getAsDouble() >= MIN_LIMITER_CORRELATION) {
            kind = Kind.LIMITER;
        } else if (correlation.getAsDouble() >= MIN_SATURATION_CORRELATION) {
            // Follows the level but is no clean gain envelope: only the peaks bend, or distortion no gain explains.
            kind = Kind.SATURATION;
        } else {
            return Optional.empty();
        }
        List<TimeRange> ranges = group.measurements()
                .get(MeasurementIds.NULL_TEST_GAIN_REDUCTION_SERIES) instanceof Series s ? ranges(s) : List.of();
        return Optional.of(new BusGain(kind, reduction.getAsDouble(), makeUp.getAsDouble(), share.getAsDouble(),
                sumPeak.getAsDouble(), ranges));
    }

    /** The stretches of the series at or above {@link #LIMITED_FROM_DB}, gaps under {@link #JOIN_SECONDS} closed. */
    static List<TimeRange> ranges(Series series) {
        boolean[] limited = new boolean[series.size()];
        for (int i = 0; i < limited.length; i++) {
            limited[i] = series.get(i) >= LIMITED_FROM_DB;
        }
        List<TimeRange> joined = new ArrayList<>();
        for (TimeRange r : RuleSupport.runs(limited, series.stepSeconds())) {
            TimeRange last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && r.startSeconds() - last.endSeconds() < JOIN_SECONDS) {
                joined.set(joined.size() - 1, new TimeRange(last.startSeconds(), r.endSeconds()));
            } else {
                joined.add(r);
            }
        }
        return joined;
    }

    /** What to bypass: a gain envelope is a limiter or a fast compressor, which the gain alone cannot tell apart. */
    String device() {
        return kind == Kind.LIMITER ? "limiter/compressor" : "clipper or saturator";
    }
}
