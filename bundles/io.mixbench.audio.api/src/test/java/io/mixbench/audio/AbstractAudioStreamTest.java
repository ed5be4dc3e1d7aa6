package io.mixbench.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbstractAudioStreamTest {

    /**
     * Decodes runs of the given lengths; frame i of the data is i / 100 in channel 1 and -i / 100 in channel 2.
     * Records what the read loop asks of it.
     */
    static class Runs extends AbstractAudioStream {

        final int[] runs;
        final List<Integer> asked = new ArrayList<>();
        final List<String> copies = new ArrayList<>();
        final List<float[][]> blocks = new ArrayList<>();
        int run = -1;
        int left;
        int frame;
        int inputsClosed;

        Runs(int... runs) {
            super("take 3.raw");
            this.runs = runs;
        }

        @Override
        public AudioFormat format() {
            return new AudioFormat(48_000, ChannelLayout.STEREO, 0, SampleEncoding.PCM_FLOAT, -1, "runs");
        }

        @Override
        protected int nextRun(int maxFrames) {
            asked.add(maxFrames);
            while (left == 0) {
                if (run + 1 == runs.length) {
                    return 0;
                }
                left = runs[++run];
            }
            return Math.min(maxFrames, left);
        }

        @Override
        protected void copyRun(float[][] block, int offset, int frames) {
            copies.add(offset + "+" + frames);
            blocks.add(block);
            for (int i = 0; i < frames; i++, frame++) {
                block[0][offset + i] = frame / 100f;
                block[1][offset + i] = -frame / 100f;
            }
            left -= frames;
        }

        @Override
        protected void closeInput() {
            inputsClosed++;
        }
    }

    @Test
    void runsOfTheDecodersLengthAreHandedOutInTheCallersBlocks() throws IOException {
        Runs stream = new Runs(5, 3, 0, 7);
        float[][] block = new float[2][4];
        List<Integer> reads = new ArrayList<>();
        List<Float> samples = new ArrayList<>();
        int n;
        while ((n = stream.read(block, 4)) > 0) {
            reads.add(n);
            for (int i = 0; i < n; i++) {
                samples.add(block[0][i]);
                assertEquals(-block[0][i], block[1][i], 0f);
            }
        }
        assertEquals(List.of(4, 4, 4, 3), reads, "full blocks until the data ends, then the rest");
        for (int i = 0; i < 15; i++) {
            assertEquals(i / 100f, samples.get(i), "frame " + i + " in order");
        }
        assertEquals(List.of("0+4", "0+1", "1+3", "0+4", "0+3"), stream.copies,
                "each run goes to the block at the frames already read, split where the block is full");
        assertEquals(List.of(4, 4, 3, 4, 4, 1, 4), stream.asked,
                "asked for at most what the block still takes");
        for (float[][] b : stream.blocks) {
            assertSame(block, b, "converted straight into the caller's block");
        }
        assertEquals(-1, stream.read(block, 4), "the end stays the end");
    }

    @Test
    void aReadThatFindsNoFramesReturnsWhatEndOfDataSays() throws IOException {
        Runs stream = new Runs(3) {
            @Override
            protected int endOfData() throws IOException {
                throw new TruncatedAudioException(source(), frame, 10);
            }
        };
        float[][] block = new float[2][8];
        assertEquals(3, stream.read(block, 8), "the frames there are come first");
        TruncatedAudioException e = assertThrows(TruncatedAudioException.class, () -> stream.read(block, 8));
        assertEquals(3, e.framesRead());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsDecoded() {
        Runs stream = new Runs(3);
        assertThrows(IllegalArgumentException.class, () -> stream.read(new float[2][8], 0));
        assertThrows(IllegalArgumentException.class, () -> stream.read(new float[1][8], 8));
        assertThrows(IllegalArgumentException.class, () -> stream.read(new float[2][4], 8));
        assertEquals(List.of(), stream.asked);
    }

    @Test
    void aClosedStreamClosesItsInputOnceAndRefusesReads() throws IOException {
        Runs stream = new Runs(3);
        stream.close();
        stream.close();
        assertEquals(1, stream.inputsClosed);
        IOException e = assertThrows(IOException.class, () -> stream.read(new float[2][8], 8));
        assertEquals("take 3.raw: stream is closed", e.getMessage());
        assertArrayEquals(new Object[0], stream.asked.toArray());
    }
}
