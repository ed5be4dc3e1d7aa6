package io.mixbench.meter.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterFactoryTest {

    private static final List<MeterFactory> FACTORIES = List.of(new LevelsMeterFactory(), new TruePeakMeterFactory(),
            new StereoMeterFactory());

    private static AudioFormat format(int fs, ChannelLayout layout) {
        return new AudioFormat(fs, layout, 24, SampleEncoding.PCM_INTEGER, -1, "test");
    }

    @Test
    void idsAreTheOnesAsked() {
        assertEquals(List.of("levels", "truePeak", "stereo"), FACTORIES.stream().map(MeterFactory::id).toList());
    }

    @Test
    void everyDeclaredMeasurementIsProduced() {
        for (MeterFactory factory : FACTORIES) {
            for (ChannelLayout layout : List.of(ChannelLayout.MONO, ChannelLayout.STEREO, ChannelLayout.SURROUND_5_1,
                    ChannelLayout.defaultFor(3))) {
                for (boolean silent : new boolean[]{false, true}) {
                    int fs = 44_100;
                    float[][] channels = new float[layout.size()][];
                    float[] x = silent ? new float[fs] : TestSignals.tone(fs, 100, 1, -20);
                    java.util.Arrays.fill(channels, x);
                    Meter meter = factory.create(format(fs, layout));
                    Map<String, Measurement> m = TestSignals.run(meter, channels, 1000);
                    assertEquals(factory.measurementIds(), m.keySet(), factory.id() + " " + layout.displayName());
                    for (Measurement value : m.values()) {
                        assertNotNull(value.unit());
                    }
                }
            }
            assertTrue(!factory.algorithmVersion().isBlank());
        }
    }

    /** bnd turns the annotations into component XML before the tests run; check what the framework will read. */
    @Test
    void componentsRegisterAsMeterFactoriesWithTheirId() throws IOException {
        for (MeterFactory factory : FACTORIES) {
            String name = "OSGI-INF/" + factory.getClass().getName() + ".xml";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                assertNotNull(in, name);
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(xml.contains("<provide interface=\"" + MeterFactory.class.getName() + "\"/>"), xml);
                assertTrue(xml.contains("<property name=\"" + MeterFactory.ID + "\" type=\"String\" value=\""
                        + factory.id() + "\"/>"), xml);
            }
        }
    }
}
