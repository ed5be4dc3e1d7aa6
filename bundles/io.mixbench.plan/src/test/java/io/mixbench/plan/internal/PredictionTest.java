package io.mixbench.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.TrackChanges;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionTest {

    static final double STEP = 0.1;

    @Test
    void levelsMoveWithGainAndDifferencesDoNot() {
        MeasuredTrack kick = part("Kick", -10, -20);
        Prediction prediction = new Prediction(List.of(kick), List.of(), PanLaw.MINUS_3_DB);
        MeasuredTrack after = only(prediction.tracks(Map.of("Kick", TrackChanges.none("Kick").withGainDb(-6))));
        assertEquals(-16, after.scalar(MeasurementIds.SAMPLE_PEAK).getAsDouble(), 1e-9, "dBFS moves");
        assertEquals(-26, after.scalar(MeasurementIds.INTEGRATED_LOUDNESS).getAsDouble(), 1e-9, "LUFS moves");
        assertEquals(10, after.scalar(MeasurementIds.CREST_FACTOR).getAsDouble(), 1e-9, "dB (a difference) stays");
        assertEquals(-26, after.series(MeasurementIds.MOMENTARY_SERIES).get().get(3), 1e-5, "series move step by step");
    }

    @Test
    void aRideMovesTheStepsItCoversAndTheScalarsByItsPowerWeightedMean() {
        MeasuredTrack vocal = part("Lead Vox", -10, -20);
        Prediction prediction = new Prediction(List.of(vocal), List.of(), PanLaw.MINUS_3_DB);
        // +6 dB over the second half of a 2 s track, ramping in over 0.1 s
        List<GainPoint> ride = List.of(new GainPoint(0.9, 0), new GainPoint(1.0, 6), new GainPoint(2.0, 6));
        MeasuredTrack after = only(prediction.tracks(Map.of("Lead Vox",
                TrackChanges.none("Lead Vox").withRide(ride))));
        Series momentary = after.series(MeasurementIds.MOMENTARY_SERIES).get();
        assertEquals(-20, momentary.get(2), 1e-5, "before the ride");
        assertEquals(-14, momentary.get(15), 1e-5, "during the ride");
        double expected = 10 * Math.log10((10 + 10 * Math.pow(10, 0.6)) / 20.0) - 20;
        assertEquals(expected, after.scalar(MeasurementIds.INTEGRATED_LOUDNESS).getAsDouble(), 0.1,
                "half the time 6 dB up: the power mean");
        assertEquals(-4, after.scalar(MeasurementIds.SAMPLE_PEAK).getAsDouble(), 1e-5, "the loudest step moved up");
    }

    @Test
    void theMixMovesByHowThePartsSumMoves() {
        MeasuredTrack kick = part("Kick", -10, -20);
        MeasuredTrack bass = part("Bass", -10, -20);
        MeasuredTrack mix = mix(-7, -17);
        Prediction prediction = new Prediction(List.of(kick, bass, mix), List.of(), PanLaw.MINUS_3_DB);
        List<MeasuredTrack> after = prediction.tracks(Map.of("Kick", TrackChanges.none("Kick").withGainDb(-100)));
        MeasuredTrack newMix = after.get(2);
        // two equal parts, one silenced: the mix loses half its power (3 dB) and half its amplitude (6 dB)
        assertEquals(-20.0, newMix.scalar(MeasurementIds.INTEGRATED_LOUDNESS).getAsDouble(), 0.05);
        assertEquals(-13.0, newMix.scalar(MeasurementIds.SAMPLE_PEAK).getAsDouble(), 0.05);
    }

    @Test
    void aCentredPartReadsCentredAndItsPeaksSpreadOverBothChannels() {
        Map<String, Measurement> extra = new HashMap<>();
        extra.put(MeasurementIds.PAN, Scalar.of(-100, Units.PERCENT));
        extra.put(MeasurementIds.LOW_END_PAN, Scalar.of(-100, Units.PERCENT));
        extra.put(MeasurementIds.LOW_END_SIDE, Scalar.of(0, Units.DB));
        MeasuredTrack bass = part("Bass", -10, -20, extra);
        Prediction prediction = new Prediction(List.of(bass), List.of(), PanLaw.MINUS_3_DB);
        TrackChanges centre = TrackChanges.none("Bass").withStereo(false, null, 0.0, 0, null, null, 24);
        MeasuredTrack after = only(prediction.tracks(Map.of("Bass", centre)));
        assertEquals(0, after.scalar(MeasurementIds.LOW_END_PAN).getAsDouble(), 1e-9);
        assertFalse(after.scalar(MeasurementIds.LOW_END_SIDE).isPresent(), "no side below the crossover");
        assertEquals(-10 - 10 * Math.log10(2), after.scalar(MeasurementIds.SAMPLE_PEAK).getAsDouble(), 1e-9,
                "a one-sided source: -3 dB in each channel");
        assertEquals(-20, after.scalar(MeasurementIds.INTEGRATED_LOUDNESS).getAsDouble(), 1e-9, "power kept");
    }

    @Test
    void clippingCountsClearOnceTheMovedPeaksAreBelowFullScale() {
        Map<String, Measurement> extra = new HashMap<>();
        extra.put(MeasurementIds.CLIPPED_RUNS, Scalar.of(12, Units.COUNT));
        MeasuredTrack hot = part("Gtr", 0, -8, extra);
        Prediction prediction = new Prediction(List.of(hot), List.of(), PanLaw.MINUS_3_DB);
        assertEquals(12, only(prediction.tracks(Map.of())).scalar(MeasurementIds.CLIPPED_RUNS).getAsDouble(),
                "unmoved, it is still clipped");
        MeasuredTrack lowered = only(prediction.tracks(Map.of("Gtr", TrackChanges.none("Gtr").withGainDb(-3))));
        assertEquals(0, lowered.scalar(MeasurementIds.CLIPPED_RUNS).getAsDouble());
        assertTrue(Prediction.shifts(Units.DBTP) && !Prediction.shifts(Units.LU));
    }

    private static MeasuredTrack only(List<MeasuredTrack> tracks) {
        return tracks.get(0);
    }

    private static MeasuredTrack part(String name, double peakDbfs, double loudnessLufs) {
        return part(name, peakDbfs, loudnessLufs, Map.of());
    }

    /** A 2 s stereo part, steady: its peak every step, its loudness every step. */
    private static MeasuredTrack part(String name, double peakDbfs, double loudnessLufs,
            Map<String, Measurement> extra) {
        Map<String, Measurement> m = new HashMap<>(extra);
        m.put(MeasurementIds.SAMPLE_PEAK, Scalar.of(peakDbfs, Units.DBFS));
        m.put(MeasurementIds.TRUE_PEAK, Scalar.of(peakDbfs, Units.DBTP));
        m.put(MeasurementIds.INTEGRATED_LOUDNESS, Scalar.of(loudnessLufs, Units.LUFS));
        m.put(MeasurementIds.CREST_FACTOR, Scalar.of(peakDbfs - loudnessLufs, Units.DB));
        m.put(MeasurementIds.MOMENTARY_SERIES, steady(loudnessLufs, Units.LUFS));
        m.put(MeasurementIds.PEAK_SERIES, steady(peakDbfs, Units.DBFS));
        return new MeasuredTrack(new Track(name, Path.of(name + ".wav"), Role.OTHER, null), stereo(), 2.0, m, null);
    }

    private static MeasuredTrack mix(double peakDbfs, double loudnessLufs) {
        MeasuredTrack p = part("Mix", peakDbfs, loudnessLufs);
        return new MeasuredTrack(new Track("Mix", Path.of("Mix.wav"), Role.MIX, null), p.format(), 2.0,
                p.measurements(), null);
    }

    private static Series steady(double value, String unit) {
        float[] v = new float[20];
        java.util.Arrays.fill(v, (float) value);
        return new Series(STEP, v, unit);
    }

    private static AudioFormat stereo() {
        return new AudioFormat(44_100, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER, 88_200, "WAV PCM 24-bit");
    }
}
