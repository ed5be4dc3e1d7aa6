package io.mixbench.plan;

import java.util.List;
import java.util.Objects;

/**
 * Everything a plan changes on one part, as the renderer applies it, in this order: polarity, high-pass, pan (a
 * stereo file holding one panned source is folded to mono at constant power first) or balance, width, side high-pass,
 * then the static gain and the ride. A field that does not change is 0 dB, null or empty.
 *
 * @param track the part's display name
 * @param gainDb the static gain, dB, the part's own fader move plus the common and bus gains of the plan (so the
 *        rendered stems sum to the rendered mix exactly)
 * @param ride gain automation on top of {@code gainDb}, sorted by time; empty for none
 * @param invertPolarity whether to invert the polarity
 * @param highPassHz high-pass the whole track below this corner frequency, Hz (Butterworth of
 *        {@code filterSlopeDbPerOctave}); null for none
 * @param panPercent pan to this position, -100 (left) .. +100 (right), %, at the session's pan law; null to leave it
 * @param balanceDb shift the left/right balance by this many dB (+x/2 on the left, -x/2 on the right); 0 for none
 * @param widthPercent scale the side signal to this share of its level, %; null to leave it
 * @param sideHighPassHz high-pass the side signal (M/S) below this frequency, Hz, with a Linkwitz-Riley crossover of
 *        {@code filterSlopeDbPerOctave} (the mid keeps everything: the low end becomes mono); null for none
 * @param filterSlopeDbPerOctave the slope of the track's filters, dB/octave (6 per order); 24 when not said
 */
public record TrackChanges(String track, double gainDb, List<GainPoint> ride, boolean invertPolarity, Double highPassHz,
        Double panPercent, double balanceDb, Double widthPercent, Double sideHighPassHz, int filterSlopeDbPerOctave) {

    /** The slope of a fix's filter when it names none, dB/octave. */
    public static final int DEFAULT_SLOPE_DB_PER_OCTAVE = 24;

    public TrackChanges {
        Objects.requireNonNull(track, "track");
        ride = List.copyOf(ride);
        if (!Double.isFinite(gainDb) || !Double.isFinite(balanceDb)) {
            throw new IllegalArgumentException(track + ": gains must be finite");
        }
        if (filterSlopeDbPerOctave <= 0 || filterSlopeDbPerOctave % 6 != 0) {
            throw new IllegalArgumentException(track + ": a filter slope is a multiple of 6 dB/octave, not "
                    + filterSlopeDbPerOctave);
        }
    }

    /** A part the plan leaves as it is. */
    public static TrackChanges none(String track) {
        return new TrackChanges(track, 0, List.of(), false, null, null, 0, null, null, DEFAULT_SLOPE_DB_PER_OCTAVE);
    }

    /** Whether the plan changes nothing on the part. */
    public boolean isNone() {
        return equals(none(track));
    }

    /** Whether the changes alter the part's stereo image (pan, balance, width, side high-pass). */
    public boolean changesStereo() {
        return panPercent != null || balanceDb != 0 || widthPercent != null || sideHighPassHz != null;
    }

    public TrackChanges withGainDb(double db) {
        return new TrackChanges(track, db, ride, invertPolarity, highPassHz, panPercent, balanceDb, widthPercent,
                sideHighPassHz, filterSlopeDbPerOctave);
    }

    public TrackChanges withRide(List<GainPoint> points) {
        return new TrackChanges(track, gainDb, points, invertPolarity, highPassHz, panPercent, balanceDb,
                widthPercent, sideHighPassHz, filterSlopeDbPerOctave);
    }

    public TrackChanges withStereo(boolean invert, Double highPass, Double pan, double balance, Double width,
            Double sideHighPass, int slopeDbPerOctave) {
        return new TrackChanges(track, gainDb, ride, invert, highPass, pan, balance, width, sideHighPass,
                slopeDbPerOctave);
    }
}
