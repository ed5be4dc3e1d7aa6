package io.mixbench.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Variants of the test bundles, written at test time with other manifest headers. */
final class TestBundles {

    private TestBundles() {
    }

    /**
     * A copy of the bad-activator test bundle under another symbolic name whose activator does {@code what}
     * ({@code exit}, {@code halt}, {@code runtime-exit}, {@code throws}, {@code blocks}, {@code rule:<id>}).
     */
    static Path badActivator(Path folder, String symbolicName, String what) throws IOException {
        return variant(Product.testBundle("io.mixbench.testbundle.badactivator"),
                folder.resolve(symbolicName + ".jar"),
                Map.of("Bundle-SymbolicName", symbolicName, "Mixbench-Test-Activator", what));
    }

    /** A copy of {@code jar} with these main manifest headers replaced or added. */
    static Path variant(Path jar, Path target, Map<String, String> headers) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach(main::putValue);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
