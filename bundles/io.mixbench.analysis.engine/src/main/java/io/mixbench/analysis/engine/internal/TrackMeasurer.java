package io.mixbench.analysis.engine.internal;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Measures one track: decodes it once and feeds every meter each block, in one streaming pass. Memory is one
 * block per channel plus what the meters keep, whatever the file's length.
 */
final class TrackMeasurer {

    /** Frames per block: large enough to amortise calls, small enough to stay in cache. */
    static final int BLOCK_FRAMES = 8192;

    /** A meter that failed on this track; the other meters' values stand. */
    record MeterFailure(String meterId, String bundle, String message) {
    }

    /** The measured track and the meters that failed on it. */
    record Outcome(MeasuredTrack track, List<MeterFailure> meterFailures) {
    }

    private TrackMeasurer() {
    }

    /**
     * @param cancelled polled between blocks
     * @param progress told the share of the track done (0..1) after each block
     */
    static Outcome measure(Track track, List<AudioDecoder> decoders, List<ServiceEntry<MeterFactory>> meterFactories,
            BooleanSupplier cancelled, DoubleConsumer progress) {
        List<MeterFailure> failures = new ArrayList<>();
        AudioFormat format = null;
        long frames = 0;
        try (AudioStream stream = DecoderSelector.open(track.file(), decoders)) {
            format = stream.format();
            List<ServiceEntry<MeterFactory>> active = new ArrayList<>();
            List<Meter> meters = new ArrayList<>();
            for (ServiceEntry<MeterFactory> entry : meterFactories) {
                try {
                    meters.add(entry.service().create(format));
                    active.add(entry);
                } catch (RuntimeException | LinkageError e) {
                    failures.add(failure(entry, "could not start", e));
                }
            }
            float[][] block = new float[format.channels()][BLOCK_FRAMES];
            int n;
            while ((n = stream.read(block, BLOCK_FRAMES)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                for (int m = 0; m < meters.size(); m++) {
                    Meter meter = meters.get(m);
                    if (meter == null) {
                        continue;
                    }
                    try {
                        meter.process(block, n);
                    } catch (RuntimeException | LinkageError e) {
                        failures.add(failure(active.get(m), "failed", e));
                        meters.set(m, null);
                    }
                }
                frames += n;
                if (format.frames() > 0) {
                    progress.accept((double) frames / format.frames());
                }
            }
            Map<String, Measurement> measurements = new LinkedHashMap<>();
            for (int m = 0; m < meters.size(); m++) {
                if (meters.get(m) == null) {
                    continue;
                }
                try {
                    Map<String, Measurement> results = meters.get(m).finish();
                    if (results == null) {
                        failures.add(new MeterFailure(active.get(m).service().id(), active.get(m).bundle(),
                                "returned no measurements"));
                    } else {
                        measurements.putAll(results);
                    }
                } catch (RuntimeException | LinkageError e) {
                    failures.add(failure(active.get(m), "failed", e));
                }
            }
            double duration = (double) frames / format.sampleRateHz();
            return new Outcome(new MeasuredTrack(track, format, duration, measurements, null, stream.metadata()),
                    failures);
        } catch (AudioDecodeException e) {
            return new Outcome(failed(track, format, frames, e.getMessage()), failures);
        } catch (IOException e) {
            // A read error below the decoder (EIO) carries no file name of its own.
            return new Outcome(failed(track, format, frames, track.file() + ": cannot be read: " + e.getMessage()),
                    failures);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            // A decoder bug must not take the session down; it is reported against the file.
            return new Outcome(failed(track, format, frames,
                    track.file() + ": the decoder failed (" + e + ")"), failures);
        }
    }

    private static MeasuredTrack failed(Track track, AudioFormat format, long frames, String message) {
        double duration = format == null ? 0 : (double) frames / format.sampleRateHz();
        return new MeasuredTrack(track, format, duration, Map.of(), message);
    }

    private static MeterFailure failure(ServiceEntry<MeterFactory> entry, String what, Throwable e) {
        String id;
        try {
            id = entry.service().id();
        } catch (RuntimeException ex) {
            id = entry.service().getClass().getName();
        }
        return new MeterFailure(id, entry.bundle(), what + ": " + e);
    }
}
