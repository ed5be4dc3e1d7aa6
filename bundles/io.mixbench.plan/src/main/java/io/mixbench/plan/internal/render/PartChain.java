package io.mixbench.plan.internal.render;

import io.mixbench.plan.TrackChanges;

/**
 * What a plan does to one part, block by block, in {@link TrackChanges}'s order: polarity, high-pass (Butterworth),
 * pan (a stereo file holding one source folded to mono first) and balance, width and side high-pass (M/S,
 * Linkwitz-Riley on the side only), then the static gain and the ride. Double inside. Not thread-safe: one per part.
 */
public final class PartChain {

    private final String track;
    private final int sourceChannels;
    private final int outputChannels;
    private final boolean invert;
    private final HighPass[] highPass;
    /** A mono file's gains into the stereo stem, or null when the stem stays mono or the file is stereo. */
    private final double[] spread;
    /** A stereo file's fold to mono before it is panned, or null. */
    private final double[] fold;
    /** A stereo file's pan: the folded source's gains, or the sides' balancing gains; null for none. */
    private final double[] pan;
    private final double balanceLeft;
    private final double balanceRight;
    private final boolean midSide;
    private final double sideScale;
    private final HighPass sideHighPass;
    private final GainCurve gain;
    private double[] side = new double[0];

    /**
     * @param changes what the plan changes on the part
     * @param sourceChannels the file's channels, 1 or 2
     * @param centreGainDb the session's pan law: a mono file's gain in each channel at the centre, dB
     * @param firstLook what the stereo file holds, when {@link #needsFirstLook} says so; else null
     * @throws IllegalArgumentException naming the track for a filter it cannot have (a corner at or above half the
     *             sample rate) or a file of more than two channels
     */
    public PartChain(TrackChanges changes, int sourceChannels, double sampleRateHz, double centreGainDb,
            StereoSource firstLook) {
        this.track = changes.track();
        if (sourceChannels < 1 || sourceChannels > 2) {
            throw new IllegalArgumentException(track + ": a plan renders mono and stereo parts, not "
                    + sourceChannels + " channels");
        }
        this.sourceChannels = sourceChannels;
        this.outputChannels = outputChannels(changes, sourceChannels);
        this.invert = changes.invertPolarity();
        int order = HighPass.order(changes.filterSlopeDbPerOctave());
        try {
            if (changes.highPassHz() == null) {
                highPass = null;
            } else {
                highPass = new HighPass[sourceChannels];
                for (int c = 0; c < sourceChannels; c++) {
                    highPass[c] = HighPass.butterworth(order, changes.highPassHz(), sampleRateHz);
                }
            }
            sideHighPass = changes.sideHighPassHz() == null
                    ? null
                    : HighPass.linkwitzRiley(order, changes.sideHighPassHz(), sampleRateHz);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(track + ": " + e.getMessage(), e);
        }
        Double panPercent = changes.panPercent();
        if (sourceChannels == 1) {
            spread = outputChannels == 2 ? Pan.withLaw(panPercent == null ? 0 : panPercent, centreGainDb) : null;
            fold = null;
            pan = null;
        } else if (panPercent == null) {
            spread = null;
            fold = null;
            pan = null;
        } else {
            if (firstLook == null) {
                throw new IllegalArgumentException(track + ": panning a stereo file needs a first look at it");
            }
            spread = null;
            fold = firstLook.isOneSource() ? firstLook.foldWeights() : null;
            pan = fold != null ? Pan.constantPower(panPercent) : firstLook.balanceGains(panPercent);
        }
        balanceLeft = Math.pow(10, changes.balanceDb() / 40);
        balanceRight = Math.pow(10, -changes.balanceDb() / 40);
        midSide = changes.widthPercent() != null || sideHighPass != null;
        sideScale = changes.widthPercent() == null ? 1 : changes.widthPercent() / 100;
        gain = new GainCurve(changes.gainDb(), changes.ride(), sampleRateHz);
    }

    /** Whether the renderer must measure the file's stereo energies ({@link StereoSource#measure}) first. */
    public static boolean needsFirstLook(TrackChanges changes, int sourceChannels) {
        return sourceChannels == 2 && changes.panPercent() != null;
    }

    /** The rendered stem's channels: stereo for a stereo file, and for a mono one whose stereo image changes. */
    public static int outputChannels(TrackChanges changes, int sourceChannels) {
        return sourceChannels == 2 || changes.changesStereo() ? 2 : 1;
    }

    public int outputChannels() {
        return outputChannels;
    }

    /**
     * Renders the next frames of the part.
     *
     * @param block the file's samples, one array per channel, full scale = 1.0
     * @param firstFrame the frame number of {@code block[c][0]} in the part: blocks come in order
     * @param out {@link #outputChannels()} arrays of at least {@code frames} that receive the stem's samples
     */
    public void process(float[][] block, int frames, long firstFrame, double[][] out) {
        double sign = invert ? -1 : 1;
        for (int c = 0; c < sourceChannels; c++) {
            float[] x = block[c];
            double[] y = out[c];
            for (int i = 0; i < frames; i++) {
                y[i] = sign * x[i];
            }
            if (highPass != null) {
                highPass[c].process(y, frames);
            }
        }
        if (outputChannels == 2) {
            stereo(out[0], out[1], frames);
        }
        gain.apply(out, outputChannels, frames, firstFrame);
    }

    private void stereo(double[] left, double[] right, int frames) {
        if (spread != null) {
            for (int i = 0; i < frames; i++) {
                double m = left[i];
                left[i] = m * spread[0];
                right[i] = m * spread[1];
            }
        } else if (fold != null) {
            for (int i = 0; i < frames; i++) {
                double m = fold[0] * left[i] + fold[1] * right[i];
                left[i] = m * pan[0];
                right[i] = m * pan[1];
            }
        } else if (pan != null) {
            scale(left, right, frames, pan[0], pan[1]);
        }
        if (balanceLeft != 1 || balanceRight != 1) {
            scale(left, right, frames, balanceLeft, balanceRight);
        }
        if (midSide) {
            if (side.length < frames) {
                side = new double[frames];
            }
            for (int i = 0; i < frames; i++) {
                side[i] = (left[i] - right[i]) / 2 * sideScale;
                left[i] = (left[i] + right[i]) / 2; // the mid, for now
            }
            if (sideHighPass != null) {
                sideHighPass.process(side, frames);
            }
            for (int i = 0; i < frames; i++) {
                double mid = left[i];
                left[i] = mid + side[i];
                right[i] = mid - side[i];
            }
        }
    }

    private static void scale(double[] left, double[] right, int frames, double leftGain, double rightGain) {
        for (int i = 0; i < frames; i++) {
            left[i] *= leftGain;
            right[i] *= rightGain;
        }
    }
}
