package io.mixbench.analysis.engine.internal;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import io.mixbench.meter.CrossTrackMeter;
import io.mixbench.meter.Measurement;
import io.mixbench.session.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Decodes a group of files in lockstep and feeds a cross-track meter, block by block. */
final class GroupMeasurer {

    private GroupMeasurer() {
    }

    /**
     * @throws IOException when a file cannot be read (it was readable in the per-track pass, so this is rare)
     */
    static Map<String, Measurement> measure(List<Track> tracks, List<AudioDecoder> decoders, CrossTrackMeter meter,
            BooleanSupplier cancelled) throws IOException {
        List<AudioStream> streams = new ArrayList<>();
        try {
            for (Track t : tracks) {
                streams.add(DecoderSelector.open(t.file(), decoders));
            }
            int n = streams.size();
            float[][][] blocks = new float[n][][];
            boolean[] ended = new boolean[n];
            for (int t = 0; t < n; t++) {
                blocks[t] = new float[streams.get(t).format().channels()][TrackMeasurer.BLOCK_FRAMES];
            }
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                int frames = 0;
                for (int t = 0; t < n; t++) {
                    int got = ended[t] ? 0 : fill(streams.get(t), blocks[t]);
                    if (got < TrackMeasurer.BLOCK_FRAMES) {
                        ended[t] = true;
                        for (float[] channel : blocks[t]) {
                            Arrays.fill(channel, got, channel.length, 0f);
                        }
                    }
                    frames = Math.max(frames, got);
                }
                if (frames == 0) {
                    break;
                }
                meter.process(blocks, frames);
            }
            return meter.finish();
        } finally {
            for (AudioStream s : streams) {
                try {
                    s.close();
                } catch (IOException e) {
                    // reading is done; a failing close changes nothing
                }
            }
        }
    }

    /** Reads until the block is full or the stream ends; returns the frames read. */
    private static int fill(AudioStream stream, float[][] block) throws IOException {
        int filled = 0;
        float[][] view = new float[block.length][];
        while (filled < TrackMeasurer.BLOCK_FRAMES) {
            int want = TrackMeasurer.BLOCK_FRAMES - filled;
            float[][] target = block;
            if (filled > 0) {
                // Decoders write from index 0: read into a scratch view and copy behind what is there.
                for (int c = 0; c < block.length; c++) {
                    if (view[c] == null) {
                        view[c] = new float[TrackMeasurer.BLOCK_FRAMES];
                    }
                }
                target = view;
            }
            int got = stream.read(target, want);
            if (got <= 0) {
                break;
            }
            if (target != block) {
                for (int c = 0; c < block.length; c++) {
                    System.arraycopy(view[c], 0, block[c], filled, got);
                }
            }
            filled += got;
        }
        return filled;
    }
}
