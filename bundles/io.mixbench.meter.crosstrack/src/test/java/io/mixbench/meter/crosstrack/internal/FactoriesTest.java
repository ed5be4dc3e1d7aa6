package io.mixbench.meter.crosstrack.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.TrackInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactoriesTest {

    static TrackInfo track(String name, String role, String group, int rate, ChannelLayout layout) {
        return new TrackInfo(name, role, group,
                new AudioFormat(rate, layout, 24, SampleEncoding.PCM_INTEGER, rate * 10L, "WAV PCM 24-bit"));
    }

    static TrackInfo stereo(String name, String role) {
        return track(name, role, null, 48_000, ChannelLayout.STEREO);
    }

    @Test
    void nullTestGroupsTheMixWithEveryStemThatCanBeSummed() {
        NullTestMeterFactory factory = new NullTestMeterFactory();
        List<TrackInfo> tracks = List.of(stereo("Kick", "kick"), stereo("Ref", "reference"),
                track("Bass", "bass", null, 48_000, ChannelLayout.MONO), stereo("Mix", "mix"),
                track("Pad", "pad", null, 44_100, ChannelLayout.STEREO), stereo("Vox", "lead-vocal"));
        List<int[]> groups = factory.groups(tracks);
        assertEquals(1, groups.size());
        assertArrayEquals(new int[]{3, 0, 2, 5}, groups.get(0), "mix first, then the stems at its rate");
        assertTrue(factory.create(List.of(tracks.get(3), tracks.get(0), tracks.get(2))) instanceof NullTestMeter);
    }

    @Test
    void nullTestNeedsAMixAndAStem() {
        NullTestMeterFactory factory = new NullTestMeterFactory();
        assertEquals(List.of(), factory.groups(List.of(stereo("Kick", "kick"), stereo("Bass", "bass"))));
        assertEquals(List.of(), factory.groups(List.of(stereo("Mix", "mix"), stereo("Ref", "reference"))));
        assertEquals(List.of(), factory.groups(List.of(track("Mix", "mix", null, 48_000, ChannelLayout.MONO),
                stereo("Kick", "kick"))), "a stereo stem is not folded into a mono mix");
    }

    @Test
    void micAlignmentGroupsTheMicsOfOneSource() {
        MicAlignmentMeterFactory factory = new MicAlignmentMeterFactory();
        List<TrackInfo> tracks = List.of(track("Kick In", "kick", "Kick", 48_000, ChannelLayout.MONO),
                track("Snare Top", "snare", "Snare", 48_000, ChannelLayout.MONO),
                track("Kick Out", "kick", "Kick", 48_000, ChannelLayout.MONO),
                track("Snare Bottom", "snare", "Snare", 44_100, ChannelLayout.MONO),
                track("Bass DI", "bass", "Bass", 48_000, ChannelLayout.MONO), stereo("Mix", "mix"),
                track("Kick Sub", "kick", "Kick", 48_000, ChannelLayout.STEREO));
        List<int[]> groups = factory.groups(tracks);
        assertEquals(1, groups.size(), "the snare pair has two rates, the bass one track");
        assertArrayEquals(new int[]{0, 2, 6}, groups.get(0));
        assertTrue(factory.create(List.of(tracks.get(0), tracks.get(2), tracks.get(6))) instanceof MicAlignmentMeter);
    }

    @Test
    void bothFactoriesAreDsComponentsWithTheirIds() throws Exception {
        for (String cls : List.of(NullTestMeterFactory.class.getName(), MicAlignmentMeterFactory.class.getName())) {
            String xml = Files.readString(Path.of("target/classes/OSGI-INF/" + cls + ".xml"));
            assertTrue(xml.contains("io.mixbench.meter.CrossTrackMeterFactory"), xml);
            assertTrue(xml.contains("name=\"meter.id\""), xml);
        }
        assertEquals("nullTest", new NullTestMeterFactory().id());
        assertEquals("micAlignment", new MicAlignmentMeterFactory().id());
    }
}
