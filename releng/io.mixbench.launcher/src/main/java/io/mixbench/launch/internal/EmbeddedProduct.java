package io.mixbench.launch.internal;

import io.mixbench.launch.Application;
import io.mixbench.launch.LaunchContext;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The product running in an embedded Felix framework: the bundles of the chosen features (folders
 * {@code bundles/<feature>/} of the product home) plus the plug-in folder's bundles. Each instance has its own
 * framework storage in a temporary folder, so several processes can run at once; {@link #close()} deletes it.
 */
public final class EmbeddedProduct implements AutoCloseable {

    /** The version of the io.mixbench.launch package the system bundle exports. */
    static final String LAUNCH_API_EXPORT = "io.mixbench.launch;version=1.0.0";

    private final Framework framework;
    private final Path storage;
    private final List<String> problems = new ArrayList<>();

    private EmbeddedProduct(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Starts the framework with the features' bundles.
     *
     * @param context the product home and folders
     * @param features feature folder names under {@code bundles/}, in start order
     * @param installPlugins whether to install and start the plug-in folder's bundles now (one-shot commands);
     *            long-running applications let the file-install bundle watch the folder instead
     * @param extraConfig more framework properties (e.g. for the file-install bundle)
     */
    public static EmbeddedProduct start(LaunchContext context, List<String> features, boolean installPlugins,
            Map<String, String> extraConfig, PrintStream log) throws IOException, BundleException {
        Path storage = Files.createTempDirectory("mixbench-osgi-");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, LAUNCH_API_EXPORT);
        config.put("felix.log.level", "1");
        config.put("ds.loglevel", "warn");
        config.putAll(extraConfig);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EmbeddedProduct.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(config);
        framework.init();
        EmbeddedProduct product = new EmbeddedProduct(framework, storage);
        BundleContext bc = framework.getBundleContext();
        bc.registerService(LaunchContext.class, context, null);
        List<Bundle> toStart = new ArrayList<>();
        for (String feature : features) {
            Path dir = context.home().resolve("bundles").resolve(feature);
            if (!Files.isDirectory(dir)) {
                throw new IOException("feature folder missing: " + dir + " (is the product assembled?)");
            }
            for (Path jar : jars(dir)) {
                Bundle b = bc.installBundle(location(jar));
                if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                    toStart.add(b);
                }
            }
        }
        framework.start();
        for (Bundle b : toStart) {
            b.start();
        }
        if (installPlugins) {
            product.installPlugins(context.pluginsDir(), log);
        }
        return product;
    }

    private void installPlugins(Path pluginsDir, PrintStream log) throws IOException {
        if (!Files.isDirectory(pluginsDir)) {
            return;
        }
        BundleContext bc = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(pluginsDir)) {
            try {
                if (!isBundle(jar)) {
                    problem(log, "plug-in " + jar.getFileName() + " is not an OSGi bundle (no Bundle-SymbolicName)");
                    continue;
                }
                installed.add(bc.installBundle(location(jar)));
            } catch (BundleException | IOException e) {
                problem(log, "plug-in " + jar.getFileName() + " cannot be installed: " + e.getMessage());
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                problem(log, "plug-in " + b.getSymbolicName() + " " + b.getVersion() + " does not start: "
                        + e.getMessage());
            }
        }
    }

    private void problem(PrintStream log, String message) {
        problems.add(message);
        log.println("mixbench: " + message);
    }

    /** Plug-ins that could not be installed or started, as messages naming them. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static boolean isBundle(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) != null;
        }
    }

    /** The location file-install would use for this file, so both agree on which bundle is which. */
    static String location(Path jar) {
        return new File(jar.toAbsolutePath().toString()).toURI().normalize().toString();
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(Files::isRegularFile)
                    .sorted().toList();
        }
    }

    public Framework framework() {
        return framework;
    }

    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /**
     * Runs a command on the calling thread.
     *
     * @return the command's exit code, or 2 when no installed application runs it
     */
    public int run(String command, List<String> args, PrintStream out, PrintStream err, long waitMillis)
            throws Exception {
        Application app = awaitApplication(command, waitMillis);
        if (app == null) {
            err.println("mixbench: unknown command '" + command + "'. Commands: " + String.join(", ", commands()));
            err.println("Run 'mixbench --help' for usage.");
            return 2;
        }
        return app.run(command, args, out, err);
    }

    /** Waits for the application of a command; gives up early when others are there and this one is not. */
    private Application awaitApplication(String command, long waitMillis) throws InterruptedException {
        BundleContext bc = framework.getBundleContext();
        long start = System.currentTimeMillis();
        while (true) {
            try {
                var refs = bc.getServiceReferences(Application.class, "(" + Application.COMMAND + "=" + command + ")");
                if (!refs.isEmpty()) {
                    ServiceReference<Application> best = refs.stream().max(Comparator.naturalOrder()).get();
                    Application app = bc.getService(best);
                    if (app != null) {
                        return app;
                    }
                }
            } catch (InvalidSyntaxException e) {
                return null;
            }
            long waited = System.currentTimeMillis() - start;
            if (waited > waitMillis || (waited > 1000 && !commands().isEmpty())) {
                return null;
            }
            Thread.sleep(10);
        }
    }

    /** The commands the installed applications run. */
    public List<String> commands() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (ServiceReference<Application> ref : framework.getBundleContext().getServiceReferences(
                    Application.class, null)) {
                Object value = ref.getProperty(Application.COMMAND);
                if (value instanceof String s) {
                    names.add(s);
                } else if (value instanceof String[] all) {
                    names.addAll(List.of(all));
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    /** Stops the framework (waiting a few seconds at most) and deletes its storage. */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            // Stopping is best effort: a hung plug-in thread must not keep the process alive.
        } finally {
            deleteTree(storage);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
