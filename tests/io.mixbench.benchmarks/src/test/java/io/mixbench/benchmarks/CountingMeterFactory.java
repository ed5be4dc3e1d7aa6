package io.mixbench.benchmarks;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.util.Map;
import java.util.Set;

/** A test meter: counts frames and sums squares of the first channel; its id and settings come from DS. */
public class CountingMeterFactory implements MeterFactory {

    /** A component property type, as DS components declare them. */
    public @interface Config {
        String label() default "counting";

        int block_size() default 7;
    }

    String id = "counting";
    String label;
    int blockSize;
    Map<String, Object> properties;

    @SuppressWarnings("unused") // called reflectively, as SCR would
    private void start(Config config, Map<String, Object> properties) {
        this.label = config.label();
        this.blockSize = config.block_size();
        this.properties = properties;
        this.id = String.valueOf(properties.getOrDefault("meter.id", id));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String algorithmVersion() {
        return "1";
    }

    @Override
    public Set<String> measurementIds() {
        return Set.of("frames", "sumSquares");
    }

    @Override
    public Meter create(AudioFormat format) {
        return new Meter() {
            long frames;
            double sumSquares;

            @Override
            public void process(float[][] block, int n) {
                frames += n;
                for (int i = 0; i < n; i++) {
                    sumSquares += block[0][i] * (double) block[0][i];
                }
            }

            @Override
            public Map<String, Measurement> finish() {
                return Map.of("frames", Scalar.of(frames, Units.COUNT), "sumSquares",
                        Scalar.of(sumSquares, Units.RATIO));
            }
        };
    }
}
