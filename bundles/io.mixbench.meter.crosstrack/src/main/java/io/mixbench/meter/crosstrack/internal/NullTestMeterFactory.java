package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.CrossTrackMeter;
import io.mixbench.meter.CrossTrackMeterFactory;
import io.mixbench.meter.TrackInfo;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The "nullTest" cross-track meter: the mix against the sum of the stems. One group per session with a mix: the mix
 * first, then every part (any role but "mix" and "reference") at the mix's sample rate that can be summed into it
 * (same channel count, or mono into a stereo mix). Ids in {@link CrossTrackIds}; semantics in {@link NullTestMeter}.
 */
@Component(service = CrossTrackMeterFactory.class, property = CrossTrackMeterFactory.ID + "="
        + CrossTrackIds.NULL_TEST)
public final class NullTestMeterFactory implements CrossTrackMeterFactory {

    static final String MIX = "mix";
    static final String REFERENCE = "reference";

    @Override
    public String id() {
        return CrossTrackIds.NULL_TEST;
    }

    @Override
    public String algorithmVersion() {
        return "2";
    }

    @Override
    public List<int[]> groups(List<TrackInfo> tracks) {
        int mix = -1;
        for (int i = 0; i < tracks.size(); i++) {
            if (MIX.equals(tracks.get(i).role())) {
                mix = i;
                break;
            }
        }
        if (mix < 0) {
            return List.of();
        }
        TrackInfo m = tracks.get(mix);
        int mixChannels = m.format().channels();
        if (mixChannels > 2) {
            return List.of();
        }
        List<Integer> members = new ArrayList<>();
        members.add(mix);
        for (int i = 0; i < tracks.size(); i++) {
            TrackInfo t = tracks.get(i);
            if (i != mix && !MIX.equals(t.role()) && !REFERENCE.equals(t.role()) && summable(t, m)) {
                members.add(i);
            }
        }
        if (members.size() < 2) {
            return List.of();
        }
        return List.of(members.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether a stem can be added into the mix: same rate, and same channels or mono into stereo. */
    static boolean summable(TrackInfo stem, TrackInfo mix) {
        int c = stem.format().channels();
        return stem.format().sampleRateHz() == mix.format().sampleRateHz()
                && (c == mix.format().channels() || c == 1 && mix.format().channels() == 2);
    }

    @Override
    public CrossTrackMeter create(List<TrackInfo> group) {
        int[] stemChannels = new int[group.size() - 1];
        for (int i = 1; i < group.size(); i++) {
            stemChannels[i - 1] = group.get(i).format().channels();
        }
        return new NullTestMeter(group.get(0).format().channels(), stemChannels,
                group.get(0).format().sampleRateHz());
    }
}
