package io.mixbench.meter.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.TonalBands;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class SpectrumMeterFactoryTest {

    private final MeterFactory factory = new SpectrumMeterFactory();

    @Test
    void declaresItsIdAndVersion() {
        assertEquals("spectrum", factory.id());
        assertFalse(factory.algorithmVersion().isBlank());
        assertEquals(11 + TonalBands.count(), factory.measurementIds().size());
        assertTrue(factory.measurementIds().contains("bandEnergySeries.low"));
    }

    @Test
    void producesEveryDeclaredIdForEveryLayout() {
        for (ChannelLayout layout : List.of(ChannelLayout.MONO, ChannelLayout.STEREO, ChannelLayout.SURROUND_5_1,
                ChannelLayout.defaultFor(3))) {
            for (boolean silent : new boolean[]{false, true}) {
                int fs = 44_100;
                float[] x = silent ? new float[fs] : TestSignals.sine(fs, 1000, fs, 0.1, 0);
                float[][] channels = new float[layout.size()][];
                Arrays.fill(channels, x);
                Map<String, Measurement> m = TestSignals.run(factory.create(new AudioFormat(fs, layout, 16,
                        SampleEncoding.PCM_INTEGER, fs, "test")), channels, 1000);
                String what = layout.displayName() + (silent ? ", silent" : "");
                assertEquals(factory.measurementIds(), m.keySet(), what);
                for (Map.Entry<String, Measurement> e : m.entrySet()) {
                    Measurement value = e.getValue();
                    if (value instanceof Scalar scalar) {
                        String unit = switch (e.getKey()) {
                            case MeasurementIds.LOW_END_PAN -> Units.PERCENT;
                            case MeasurementIds.LOW_END_CORRELATION -> Units.RATIO;
                            case MeasurementIds.BANDWIDTH -> Units.HZ;
                            default -> Units.DB;
                        };
                        assertEquals(unit, scalar.unit(), e.getKey());
                        assertTrue(e.getKey().startsWith("lowEnd") || e.getKey().equals(MeasurementIds.BANDWIDTH),
                                e.getKey());
                    } else if (e.getKey().startsWith(MeasurementIds.BAND_ENERGY_SERIES_PREFIX)) {
                        assertEquals(Units.DBFS, value.unit());
                        assertEquals(10, ((Series) value).size(), what);
                    } else {
                        Spectrum s = (Spectrum) value;
                        String unit = switch (e.getKey()) {
                            case MeasurementIds.OCTAVE_CORRELATION -> Units.RATIO;
                            case MeasurementIds.OCTAVE_MONO_SUM_LOSS -> Units.DB;
                            default -> Units.DBFS;
                        };
                        assertEquals(unit, s.unit(), e.getKey());
                        int bands = e.getKey().startsWith("octave")
                                ? Bands.OCTAVE_NOMINAL_HZ.length
                                : e.getKey().equals(MeasurementIds.TONAL_BALANCE)
                                        ? TonalBands.count()
                                        : Bands.THIRD_OCTAVE_NOMINAL_HZ.length;
                        assertEquals(bands, s.frequenciesHz().length, e.getKey());
                    }
                }
            }
        }
    }

    /** The low-end crossover is a configuration property; a non-default one changes the algorithm version. */
    @Test
    void crossoverIsAConfigurationProperty() throws IOException {
        String name = "OSGI-INF/" + SpectrumMeterFactory.class.getName() + ".xml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("activate=\"configure\""), xml);
            assertTrue(xml.contains("modified=\"configure\""), xml);
        }
        SpectrumMeterFactory configured = new SpectrumMeterFactory();
        assertEquals(200, configured.crossoverHz());
        assertEquals("3", configured.algorithmVersion());
        configured.configure(new SpectrumMeterFactory.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SpectrumMeterFactory.Config.class;
            }

            @Override
            public double lowEndCrossoverHz() {
                return 120;
            }
        });
        assertEquals(120, configured.crossoverHz());
        assertEquals("3-crossover-120.0Hz", configured.algorithmVersion());
        assertThrows(IllegalArgumentException.class, () -> new SpectrumMeterFactory(0));
        assertThrows(IllegalArgumentException.class, () -> new SpectrumMeterFactory(Double.NaN));
    }

    /** bnd turns the annotations into component XML before the tests run; check what the framework will read. */
    @Test
    void registersAsMeterFactoryWithItsId() throws IOException {
        String name = "OSGI-INF/" + SpectrumMeterFactory.class.getName() + ".xml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<provide interface=\"" + MeterFactory.class.getName() + "\"/>"), xml);
            assertTrue(xml.contains("<property name=\"" + MeterFactory.ID + "\" type=\"String\" value=\"spectrum\"/>"),
                    xml);
            assertTrue(xml.contains("class=\"io.mixbench.meter.spectrum.internal.SpectrumMeterFactory\""), xml);
        }
    }

    /** JTransforms and JLargeArrays are copied into the bundle, never imported; JUnit is never imported. */
    @Test
    void manifestImportsNeitherJTransformsNorJUnit() throws IOException, URISyntaxException {
        Path classes = Path.of(SpectrumMeterFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertNotNull(imports);
        for (String forbidden : List.of("org.jtransforms", "org.visnow", "pl.edu.icm", "junit", "org.junit",
                "org.hamcrest")) {
            assertFalse(imports.contains(forbidden), forbidden + " imported: " + imports);
        }
        assertTrue(imports.contains("io.mixbench.meter"), imports);
        assertEquals(null, manifest.getMainAttributes().getValue("Export-Package"));
        assertTrue(Files.exists(classes.resolve("org/jtransforms/fft/DoubleFFT_1D.class")), "JTransforms embedded");
        assertTrue(Files.exists(classes.resolve("org/visnow/jlargearrays/ConcurrencyUtils.class")),
                "JLargeArrays embedded");
    }
}
