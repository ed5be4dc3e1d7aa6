package io.mixbench.meter.spectrum.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Prints how many times faster than real time the spectrum meter measures 48 kHz stereo and mono, on one thread.
 * Not a unit test: run it by hand after {@code mvn install}, e.g. {@code java -cp
 * target/classes:target/test-classes:<audio and meter API jars> io.mixbench.meter.spectrum.internal.SpectrumBenchmark
 * [seconds]}.
 */
public final class SpectrumBenchmark {

    private static final int FS = 48_000;
    private static final int BLOCK = 4096;

    private SpectrumBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        float[][] stereo = musicLike(seconds);
        float[][] mono = {stereo[0]};
        MeterFactory factory = new SpectrumMeterFactory();
        for (int round = 0; round < 2; round++) {
            // The first round warms up the JIT.
            double[] xStereo = measure(factory, stereo, ChannelLayout.STEREO, seconds);
            double[] xMono = measure(factory, mono, ChannelLayout.MONO, seconds);
            if (round == 1) {
                System.out.printf("spectrum meter, 48 kHz stereo: %6.0f x real time (%6.0f by thread CPU time)%n",
                        xStereo[0], xStereo[1]);
                System.out.printf("spectrum meter, 48 kHz mono:   %6.0f x real time (%6.0f by thread CPU time)%n",
                        xMono[0], xMono[1]);
            }
        }
    }

    /** Best of five runs, in x real time: by wall-clock time, and by the thread's CPU time (less hurt by load). */
    private static double[] measure(MeterFactory factory, float[][] signal, ChannelLayout layout, int seconds) {
        int frames = signal[0].length;
        AudioFormat format = new AudioFormat(FS, layout, 24, SampleEncoding.PCM_INTEGER, frames, "benchmark");
        float[][] block = new float[signal.length][BLOCK];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            Meter meter = factory.create(format);
            for (int offset = 0; offset < frames; offset += BLOCK) {
                int n = Math.min(BLOCK, frames - offset);
                for (int c = 0; c < signal.length; c++) {
                    System.arraycopy(signal[c], offset, block[c], 0, n);
                }
                meter.process(block, n);
            }
            meter.finish();
            best = Math.min(best, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - startCpu);
        }
        return new double[]{seconds / (best / 1e9), seconds / (bestCpu / 1e9)};
    }

    /** Tones with a slow level envelope, pink-ish noise bursts and partly correlated channels. */
    private static float[][] musicLike(int seconds) {
        SplittableRandom random = new SplittableRandom(1);
        TestSignals.PinkFilter left = new TestSignals.PinkFilter();
        TestSignals.PinkFilter right = new TestSignals.PinkFilter();
        float[][] x = new float[2][FS * seconds];
        for (int i = 0; i < x[0].length; i++) {
            double t = (double) i / FS;
            double envelope = 0.5 + 0.4 * Math.sin(2 * Math.PI * 0.25 * t);
            double tones = 0.2 * Math.sin(2 * Math.PI * 55 * t) + 0.1 * Math.sin(2 * Math.PI * 440 * t);
            boolean burst = (i / (FS / 8)) % 2 == 0;
            double common = random.nextGaussian();
            double l = burst ? left.next(0.05 * (common + 0.5 * random.nextGaussian())) : 0;
            double r = burst ? right.next(0.05 * (common + 0.5 * random.nextGaussian())) : 0;
            x[0][i] = (float) (envelope * (tones + l));
            x[1][i] = (float) (envelope * (0.8 * tones + r));
        }
        return x;
    }
}
