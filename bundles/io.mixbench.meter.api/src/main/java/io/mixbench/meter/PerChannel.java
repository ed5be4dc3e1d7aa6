package io.mixbench.meter;

import java.util.List;

/**
 * One value per channel, in the stream's channel order; NaN where a channel has no value.
 *
 * @param channels channel names in order (e.g. "LEFT", "RIGHT")
 * @param values one value per channel
 * @param unit the unit
 */
public record PerChannel(List<String> channels, double[] values, String unit) implements Measurement {

    public PerChannel {
        channels = List.copyOf(channels);
        values = values.clone();
        if (channels.size() != values.length) {
            throw new IllegalArgumentException("one value per channel");
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
