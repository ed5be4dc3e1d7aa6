package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.meter.MeterFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceComponentsTest {

    private static final String IMPL = CountingMeterFactory.class.getName();

    @TempDir
    Path dir;

    @Test
    void findsTheWavDecoderThroughTheDescriptorBndGenerated() throws IOException {
        List<ServiceComponents.Found<AudioDecoder>> decoders = ServiceComponents.load(AudioDecoder.class,
                getClass().getClassLoader());
        assertEquals(1, decoders.size(), decoders.toString());
        assertTrue(decoders.get(0).name().endsWith("WavDecoder"), decoders.get(0).name());
        assertEquals("wav", decoders.get(0).properties().get(AudioDecoder.FORMAT));
        byte[] header = "RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(decoders.get(0).service().accepts(header, "x.wav"));
    }

    @Test
    void createsEnabledComponentsOfTheServiceByRankingWithTheirProperties() throws IOException {
        Map<String, String> descriptors = new LinkedHashMap<>();
        descriptors.put("OSGI-INF/a.xml", component("a.meter", MeterFactory.class, "",
                "<property name=\"meter.id\" value=\"alpha\"/>"));
        descriptors.put("OSGI-INF/b.xml", component("b.meter", MeterFactory.class, " activate=\"start\"",
                "<property name=\"meter.id\" value=\"beta\"/>"
                        + "<property name=\"service.ranking\" type=\"Integer\" value=\"5\"/>"
                        + "<property name=\"block.size\" type=\"Integer\" value=\"11\"/>"));
        descriptors.put("OSGI-INF/off.xml", component("off.meter", MeterFactory.class, " enabled=\"false\"", ""));
        descriptors.put("OSGI-INF/conf.xml",
                component("conf.meter", MeterFactory.class, " configuration-policy=\"require\"", ""));
        descriptors.put("OSGI-INF/other.xml", component("other.decoder", AudioDecoder.class, "", ""));
        Path jar = jar("meters.jar", "OSGI-INF/*.xml", descriptors);

        List<ServiceComponents.Found<MeterFactory>> found = load(jar);

        assertEquals(List.of("b.meter", "a.meter"), found.stream().map(ServiceComponents.Found::name).toList());
        CountingMeterFactory beta = (CountingMeterFactory) found.get(0).service();
        assertEquals("beta", beta.id());
        assertEquals(11, beta.blockSize, "the XML property overrides the default");
        assertEquals("counting", beta.label, "the annotation default where no property is set");
        assertEquals(5, beta.properties.get("service.ranking"));
        CountingMeterFactory alpha = (CountingMeterFactory) found.get(1).service();
        assertEquals("counting", alpha.id(), "start() is only called when the descriptor names it");
        assertEquals("meters.jar", found.get(0).origin());
    }

    @Test
    void aMandatoryReferenceCannotBeSatisfiedAndSaysSo() throws IOException {
        Path jar = jar("ref.jar", "OSGI-INF/r.xml", Map.of("OSGI-INF/r.xml", component("needs.meter",
                MeterFactory.class, "", "<reference name=\"x\" interface=\"java.lang.Runnable\"/>")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> load(jar));
        assertTrue(e.getMessage().contains("needs.meter"), e.getMessage());
    }

    @Test
    void anOptionalReferenceIsLeftUnbound() throws IOException {
        Path jar = jar("opt.jar", "OSGI-INF/r.xml", Map.of("OSGI-INF/r.xml", component("optional.meter",
                MeterFactory.class, "",
                "<reference name=\"x\" cardinality=\"0..n\" interface=\"java.lang.Runnable\"/>")));
        assertEquals(1, load(jar).size());
    }

    @Test
    void mapsPropertyTypeElementNamesLikeDs() {
        assertEquals("block.size", ServiceComponents.propertyName("block_size"));
        assertEquals("a_b", ServiceComponents.propertyName("a__b"));
        assertEquals("x$y", ServiceComponents.propertyName("x$$y"));
        assertEquals("xy", ServiceComponents.propertyName("x$y"));
    }

    private List<ServiceComponents.Found<MeterFactory>> load(Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                getClass().getClassLoader())) {
            // The test class path may hold other bundles; only this jar's components are of interest.
            return ServiceComponents.load(MeterFactory.class, loader).stream()
                    .filter(f -> f.origin().equals(jar.getFileName().toString())).toList();
        }
    }

    private static String component(String name, Class<?> service, String attributes, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" name=\"" + name + "\""
                + attributes + ">" + body + "<service><provide interface=\"" + service.getName()
                + "\"/></service><implementation class=\"" + IMPL + "\"/></scr:component>\n";
    }

    private Path jar(String name, String header, Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Service-Component", header);
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }
}
