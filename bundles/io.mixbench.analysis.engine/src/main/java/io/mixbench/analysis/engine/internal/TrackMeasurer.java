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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Measures one track: decodes it once and feeds every meter each block, in one streaming pass. Memory is a few
 * blocks per channel plus what the meters keep, whatever the file's length.
 * <p>
 * With more than one lane (idle cores), the caller's thread decodes into a ring of blocks and the meters are split
 * between it and helper threads by their declared costs ({@link #COST_PROPERTY}). Each meter stays on one thread
 * and sees every block in order, so the results are those of the one-thread path to the bit.
 */
final class TrackMeasurer {

    /** Frames per block: large enough to amortise calls, small enough to stay in cache. */
    static final int BLOCK_FRAMES = 8192;

    /** Blocks decoded ahead of the slowest lane: bounds memory, and absorbs the lanes' jitter. */
    static final int RING_BLOCKS = 4;

    /**
     * Service property of a {@code MeterFactory}: its meter's CPU time per minute of 48 kHz stereo audio, ms, once
     * compiled (the figures of docs/performance.md). Only the ratios matter: they split the meters between threads.
     * Timing the first blocks instead misleads: they run before the JIT has compiled the meters, when a filter loop
     * costs ten times an FFT's share.
     */
    static final String COST_PROPERTY = "meter.cost";

    /** The cost of a meter that declares none: a light one. */
    static final double DEFAULT_COST = 10;

    /** The cost of decoding, on the caller's lane (WAV: about 7 ms per minute here; others more). */
    static final double DECODE_COST = 7;

    /** A meter that failed on this track; the other meters' values stand. */
    record MeterFailure(String meterId, String bundle, String message) {
    }

    /** The measured track and the meters that failed on it. */
    record Outcome(MeasuredTrack track, List<MeterFailure> meterFailures) {
    }

    /**
     * How to use the cores for one track.
     *
     * @param threads helper threads for lanes beyond the first (the caller's); null with one lane
     * @param lanes threads that may measure this track, the caller's included; 1 is the one-thread path
     * @param costs each meter factory's cost ({@link #COST_PROPERTY}), in the factories' order; null splits the
     *            meters round-robin from the first helper lane (tests)
     */
    record Lanes(Executor threads, int lanes, double[] costs) {
        static final Lanes ONE = new Lanes(null, 1, null);
    }

    private TrackMeasurer() {
    }

    /** The one-thread path. */
    static Outcome measure(Track track, List<AudioDecoder> decoders, List<ServiceEntry<MeterFactory>> meterFactories,
            BooleanSupplier cancelled, DoubleConsumer progress) {
        return measure(track, decoders, meterFactories, cancelled, progress, Lanes.ONE);
    }

    /**
     * @param cancelled polled between blocks
     * @param progress told the share of the track done (0..1) after each block
     */
    static Outcome measure(Track track, List<AudioDecoder> decoders, List<ServiceEntry<MeterFactory>> meterFactories,
            BooleanSupplier cancelled, DoubleConsumer progress, Lanes lanes) {
        List<MeterFailure> startFailures = new ArrayList<>();
        Meters meters = null;
        AudioFormat format = null;
        long frames = 0;
        Pipeline pipeline = null;
        try (AudioStream stream = DecoderSelector.open(track.file(), decoders)) {
            format = stream.format();
            List<ServiceEntry<MeterFactory>> active = new ArrayList<>();
            List<Meter> created = new ArrayList<>();
            for (ServiceEntry<MeterFactory> entry : meterFactories) {
                try {
                    created.add(entry.service().create(format));
                    active.add(entry);
                } catch (RuntimeException | LinkageError e) {
                    startFailures.add(failure(entry, "could not start", e));
                }
            }
            meters = new Meters(active, created);
            float[][][] ring = new float[lanes.lanes() > 1 && created.size() > 0 ? RING_BLOCKS : 1][][];
            for (int i = 0; i < ring.length; i++) {
                ring[i] = new float[format.channels()][BLOCK_FRAMES];
            }
            int[] own = meters.all();
            if (ring.length > 1) {
                double[] costs = null;
                if (lanes.costs() != null) {
                    costs = new double[active.size()];
                    for (int m = 0; m < costs.length; m++) {
                        costs[m] = lanes.costs()[meterFactories.indexOf(active.get(m))];
                    }
                }
                int[][] split = split(lanes.lanes(), created.size(), costs, DECODE_COST);
                pipeline = Pipeline.start(meters, ring, Arrays.copyOfRange(split, 1, split.length), lanes.threads());
                if (pipeline != null) {
                    own = split[0];
                }
            }
            int n;
            for (long k = 0;; k++) {
                float[][] block = ring[(int) (k % ring.length)];
                if (pipeline != null) {
                    pipeline.awaitFree(k);
                }
                n = stream.read(block, BLOCK_FRAMES);
                if (n <= 0) {
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (pipeline != null) {
                    pipeline.publish(k, n);
                }
                for (int m : own) {
                    meters.process(m, block, n, k);
                }
                frames += n;
                if (format.frames() > 0) {
                    progress.accept((double) frames / format.frames());
                }
            }
            for (int m : own) {
                meters.finish(m);
            }
            if (pipeline != null) {
                pipeline.end(true);
                pipeline = null;
            }
            Map<String, Measurement> measurements = new LinkedHashMap<>();
            for (int m = 0; m < created.size(); m++) {
                Map<String, Measurement> r = meters.results.get(m);
                if (r != null) {
                    measurements.putAll(r);
                }
            }
            double duration = (double) frames / format.sampleRateHz();
            return new Outcome(new MeasuredTrack(track, format, duration, measurements, null, stream.metadata()),
                    meters.failures(startFailures));
        } catch (AudioDecodeException e) {
            endAfterDecoderFailure(pipeline);
            return new Outcome(failed(track, format, frames, e.getMessage()), failures(meters, startFailures));
        } catch (IOException e) {
            endAfterDecoderFailure(pipeline);
            // A read error below the decoder (EIO) carries no file name of its own.
            return new Outcome(failed(track, format, frames, track.file() + ": cannot be read: " + e.getMessage()),
                    failures(meters, startFailures));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            endAfterDecoderFailure(pipeline);
            // A decoder bug must not take the session down; it is reported against the file.
            return new Outcome(failed(track, format, frames, track.file() + ": the decoder failed (" + e + ")"),
                    failures(meters, startFailures));
        } finally {
            if (pipeline != null) {
                pipeline.abort();
            }
        }
    }

    /** The blocks decoded before the failure still reach every meter, as on one thread; nothing is finished. */
    private static void endAfterDecoderFailure(Pipeline pipeline) {
        if (pipeline != null) {
            pipeline.end(false);
        }
    }

    private static List<MeterFailure> failures(Meters meters, List<MeterFailure> startFailures) {
        return meters == null ? startFailures : meters.failures(startFailures);
    }

    /**
     * Splits the meters between lanes: the costliest first onto the least loaded lane, the caller's lane loaded
     * with the decoder. Without costs, round-robin from the first helper lane.
     *
     * @return the meter indexes of each lane, the caller's first
     */
    static int[][] split(int lanes, int meterCount, double[] costs, double decodeCost) {
        int[] laneOf = new int[meterCount];
        if (costs == null) {
            for (int m = 0; m < meterCount; m++) {
                laneOf[m] = (m + 1) % lanes;
            }
        } else {
            double[] load = new double[lanes];
            load[0] = decodeCost;
            Integer[] slowestFirst = new Integer[meterCount];
            for (int m = 0; m < meterCount; m++) {
                slowestFirst[m] = m;
            }
            Arrays.sort(slowestFirst, Comparator.comparingDouble((Integer m) -> costs[m]).reversed()
                    .thenComparingInt(m -> m));
            for (int m : slowestFirst) {
                int least = 0;
                for (int lane = 1; lane < lanes; lane++) {
                    if (load[lane] < load[least]) {
                        least = lane;
                    }
                }
                laneOf[m] = least;
                load[least] += costs[m];
            }
        }
        int[][] split = new int[lanes][];
        for (int lane = 0; lane < lanes; lane++) {
            int l = lane;
            split[lane] = java.util.stream.IntStream.range(0, meterCount).filter(m -> laneOf[m] == l).toArray();
        }
        return split;
    }

    /** The meters of one track with their failures; each meter is used by one lane only. */
    private static final class Meters {
        private final List<ServiceEntry<MeterFactory>> entries;
        private final Meter[] meters;
        /** Each meter's results, in the meters' order (set by the meter's lane). */
        final AtomicReferenceArray<Map<String, Measurement>> results;
        private final List<Failure> failures = new ArrayList<>();

        /** A failure at a block (finish: after every block) of a meter, so lanes' failures sort as on one thread. */
        private record Failure(long block, int meter, MeterFailure failure) {
        }

        Meters(List<ServiceEntry<MeterFactory>> entries, List<Meter> meters) {
            this.entries = entries;
            this.meters = meters.toArray(new Meter[0]);
            this.results = new AtomicReferenceArray<>(meters.size());
        }

        int[] all() {
            return java.util.stream.IntStream.range(0, meters.length).toArray();
        }

        void process(int m, float[][] block, int frames, long blockIndex) {
            Meter meter = meters[m];
            if (meter == null) {
                return;
            }
            try {
                meter.process(block, frames);
            } catch (RuntimeException | LinkageError e) {
                fail(blockIndex, m, failure(entries.get(m), "failed", e));
                meters[m] = null;
            }
        }

        void finish(int m) {
            Meter meter = meters[m];
            if (meter == null) {
                return;
            }
            try {
                Map<String, Measurement> r = meter.finish();
                if (r == null) {
                    fail(Long.MAX_VALUE, m, new MeterFailure(entries.get(m).service().id(), entries.get(m).bundle(),
                            "returned no measurements"));
                } else {
                    results.set(m, r);
                }
            } catch (RuntimeException | LinkageError e) {
                fail(Long.MAX_VALUE, m, failure(entries.get(m), "failed", e));
            }
        }

        private synchronized void fail(long blockIndex, int m, MeterFailure failure) {
            failures.add(new Failure(blockIndex, m, failure));
        }

        /** The start failures, then the others in the order one thread would have met them. */
        synchronized List<MeterFailure> failures(List<MeterFailure> startFailures) {
            List<MeterFailure> all = new ArrayList<>(startFailures);
            failures.stream().sorted(Comparator.comparingLong(Failure::block).thenComparingInt(Failure::meter))
                    .forEach(f -> all.add(f.failure()));
            return all;
        }
    }

    /**
     * Hands the blocks the caller decodes to helper lanes through a ring of buffers: block k lives in slot
     * k mod ring size until every helper lane has processed it; the caller waits for a free slot, helpers for a
     * published block.
     */
    private static final class Pipeline {
        private final Meters meters;
        private final float[][][] ring;
        private final int[] frames;
        private final long[] consumed;
        private long published;
        private boolean ended;
        private boolean finish;
        private boolean aborted;
        private int running;
        private Throwable error;

        private Pipeline(Meters meters, float[][][] ring, int helpers) {
            this.meters = meters;
            this.ring = ring;
            this.frames = new int[ring.length];
            this.consumed = new long[helpers];
        }

        /**
         * Starts a helper thread per lane that has meters.
         *
         * @return null when no lane has meters or the threads refuse work (the caller then runs every meter)
         */
        static Pipeline start(Meters meters, float[][][] ring, int[][] helperLanes, Executor threads) {
            List<int[]> lanes = Arrays.stream(helperLanes).filter(l -> l.length > 0).toList();
            if (lanes.isEmpty() || threads == null) {
                return null;
            }
            Pipeline pipeline = new Pipeline(meters, ring, lanes.size());
            for (int i = 0; i < lanes.size(); i++) {
                int lane = i;
                synchronized (pipeline) {
                    pipeline.running++;
                }
                try {
                    threads.execute(() -> pipeline.run(lane, lanes.get(lane)));
                } catch (RejectedExecutionException e) {
                    synchronized (pipeline) {
                        pipeline.running--;
                    }
                    pipeline.abort();
                    return null;
                }
            }
            return pipeline;
        }

        private void run(int lane, int[] own) {
            long next = 0;
            try {
                while (true) {
                    float[][] block;
                    int n;
                    synchronized (this) {
                        while (!aborted && !ended && published <= next) {
                            wait();
                        }
                        if (aborted) {
                            return;
                        }
                        if (published <= next) {
                            if (!finish) {
                                return;
                            }
                            break;
                        }
                        block = ring[(int) (next % ring.length)];
                        n = frames[(int) (next % ring.length)];
                    }
                    for (int m : own) {
                        meters.process(m, block, n, next);
                    }
                    synchronized (this) {
                        consumed[lane] = ++next;
                        notifyAll();
                    }
                }
                for (int m : own) {
                    meters.finish(m);
                }
            } catch (InterruptedException e) {
                fail(new CancellationException("a meter thread was interrupted"));
            } catch (Throwable t) {
                // An Error from a meter ends the measurement, as it does on one thread.
                fail(t);
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        }

        private synchronized void fail(Throwable t) {
            if (error == null) {
                error = t;
            }
            aborted = true;
            notifyAll();
        }

        /** Waits until slot of block {@code k} is free: every helper is done with block k - ring size. */
        synchronized void awaitFree(long k) {
            try {
                while (error == null && slowest() <= k - ring.length) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            rethrowLaneError();
        }

        private long slowest() {
            long min = Long.MAX_VALUE;
            for (long c : consumed) {
                min = Math.min(min, c);
            }
            return min;
        }

        synchronized void publish(long k, int n) {
            frames[(int) (k % ring.length)] = n;
            published = k + 1;
            notifyAll();
        }

        /**
         * No more blocks: waits until every helper lane has processed the published ones and, with
         * {@code finish}, finished its meters.
         */
        synchronized void end(boolean finish) {
            ended = true;
            this.finish = finish;
            notifyAll();
            awaitHelpers();
            rethrowLaneError();
        }

        /** Stops the helpers between blocks and waits for them (a cancel, or an error on the caller's lane). */
        synchronized void abort() {
            aborted = true;
            notifyAll();
            awaitHelpers();
        }

        private void awaitHelpers() {
            boolean interrupted = false;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void rethrowLaneError() {
            if (error instanceof Error e) {
                throw e;
            }
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error != null) {
                throw new IllegalStateException(error);
            }
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
