package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.CrossTrackMeter;
import io.mixbench.meter.CrossTrackMeterFactory;
import io.mixbench.meter.TrackInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The "micAlignment" cross-track meter: polarity and lag of the mics of one source. One group per multi-mic group
 * ({@code Track.group()}) with at least two tracks at the first track's sample rate, in session order; the first
 * track is the reference of every pair. Any export kind. Ids in {@link CrossTrackIds}; method in
 * {@link MicAlignmentMeter}.
 */
@Component(service = CrossTrackMeterFactory.class, property = CrossTrackMeterFactory.ID + "="
        + CrossTrackIds.MIC_ALIGNMENT)
public final class MicAlignmentMeterFactory implements CrossTrackMeterFactory {

    @Override
    public String id() {
        return CrossTrackIds.MIC_ALIGNMENT;
    }

    @Override
    public String algorithmVersion() {
        return "1";
    }

    @Override
    public List<int[]> groups(List<TrackInfo> tracks) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            TrackInfo t = tracks.get(i);
            if (t.group() == null || t.group().isBlank() || NullTestMeterFactory.MIX.equals(t.role())
                    || NullTestMeterFactory.REFERENCE.equals(t.role())) {
                continue;
            }
            List<Integer> members = byGroup.computeIfAbsent(t.group().trim(), k -> new ArrayList<>());
            // Lags are in samples: only tracks at the reference's rate can be compared.
            if (members.isEmpty()
                    || tracks.get(members.get(0)).format().sampleRateHz() == t.format().sampleRateHz()) {
                members.add(i);
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> members : byGroup.values()) {
            if (members.size() >= 2) {
                groups.add(members.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return groups;
    }

    @Override
    public CrossTrackMeter create(List<TrackInfo> group) {
        int[] channels = new int[group.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = group.get(i).format().channels();
        }
        return new MicAlignmentMeter(group.get(0).format().sampleRateHz(), channels);
    }
}
