package io.mixbench.benchmarks;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeterFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The product's decoders and meters, found on the class path through their DS descriptors. */
final class Mixbench {

    /** What one file measured, with the time spent in the decoder and in each meter. */
    record Measured(io.mixbench.audio.AudioFormat format, long frames, Map<String, Measurement> measurements,
            String[] meterIds, long[] meterNanos, long decodeNanos) {

        double seconds() {
            return (double) frames / format.sampleRateHz();
        }
    }

    private final List<ServiceComponents.Found<AudioDecoder>> decoders;
    private final List<ServiceComponents.Found<MeterFactory>> meters;

    Mixbench(List<ServiceComponents.Found<AudioDecoder>> decoders,
            List<ServiceComponents.Found<MeterFactory>> meters) {
        this.decoders = decoders;
        this.meters = meters;
    }

    /**
     * @throws IllegalStateException when the class path holds no decoder or no meter
     */
    static Mixbench fromClassPath() throws IOException {
        ClassLoader loader = Mixbench.class.getClassLoader();
        List<ServiceComponents.Found<AudioDecoder>> decoders = ServiceComponents.load(AudioDecoder.class, loader);
        List<ServiceComponents.Found<MeterFactory>> meters = ServiceComponents.load(MeterFactory.class, loader);
        if (decoders.isEmpty() || meters.isEmpty()) {
            throw new IllegalStateException("the class path holds " + decoders.size() + " audio decoders and "
                    + meters.size() + " meters; put the decoder and meter bundles' jars on it");
        }
        return new Mixbench(decoders, meters);
    }

    List<ServiceComponents.Found<MeterFactory>> meters() {
        return meters;
    }

    /** Opens a file with the first decoder (highest service.ranking first) that accepts its first bytes. */
    AudioStream open(Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(AudioDecoder.PROBE_BYTES);
        }
        String name = file.getFileName().toString();
        for (ServiceComponents.Found<AudioDecoder> decoder : decoders) {
            if (decoder.service().accepts(header, name)) {
                return decoder.service().open(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                        file.toString());
            }
        }
        throw new IOException(file + ": no decoder on the class path accepts this file");
    }

    /** Decodes the file block by block and feeds every meter, as the analysis engine does. */
    Measured measure(Path file) throws IOException {
        try (AudioStream stream = open(file)) {
            MeterChain chain = new MeterChain(meters, stream.format(), true);
            float[][] block = new float[stream.format().channels()][MeterChain.BLOCK_FRAMES];
            long frames = 0;
            long decodeNanos = 0;
            while (true) {
                long start = System.nanoTime();
                int n = stream.read(block, MeterChain.BLOCK_FRAMES);
                decodeNanos += System.nanoTime() - start;
                if (n <= 0) {
                    break;
                }
                chain.process(block, n);
                frames += n;
            }
            Map<String, Measurement> measurements = chain.finish();
            return new Measured(stream.format(), frames, measurements, chain.ids(), chain.nanos(), decodeNanos);
        }
    }

    @Override
    public String toString() {
        return "decoders " + Arrays.toString(decoders.stream().map(ServiceComponents.Found::name).toArray())
                + ", meters " + Arrays.toString(meters.stream().map(f -> f.service().id()).toArray());
    }
}
