package io.mixbench.launch.internal;

import io.mixbench.launch.Application;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.StartupTrace;
import io.mixbench.launch.PluginHost;
import io.mixbench.launch.PluginProblem;
import io.mixbench.launch.guard.ExitGuard;
import io.mixbench.launch.guard.ExitRefusedException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The product running in an embedded Felix framework: the bundles of the chosen features (folders
 * {@code bundles/<feature>/} of the product home) plus the plug-in folder's bundles. Each instance has its own
 * framework storage in a temporary folder, so several processes can run at once; {@link #close()} (or the JVM's
 * shutdown) deletes it, and a later run deletes what a killed one left ({@link FrameworkStorage}).
 *
 * <p>Plug-ins (bundles not installed from the product's {@code bundles/} folder) are kept from taking the process
 * down: their exit calls are woven into exceptions ({@link ExitCallWeaver}) and each is started on its own thread
 * with a time limit ({@link #PLUGIN_START_LIMIT_PROPERTY}).
 */
public final class EmbeddedProduct implements AutoCloseable, PluginHost {

    /** The version of the io.mixbench.launch package the system bundle exports. */
    static final String LAUNCH_API_EXPORT = "io.mixbench.launch;version=1.2.0";
    /** The guard package woven plug-in classes import (not an API: nothing compiles against it). */
    static final String GUARD_EXPORT = ExitGuard.PACKAGE + ";version=1.0.0";

    /** System property: how long one plug-in's activator may take to start, in seconds (default 5). */
    public static final String PLUGIN_START_LIMIT_PROPERTY = "mixbench.pluginStartSeconds";
    static final double DEFAULT_PLUGIN_START_SECONDS = 5;

    /** What to do with the plug-in folder's bundles. */
    public enum Plugins {
        /** Install and start them (each with the start time limit) before the command runs. */
        START,
        /** Install and resolve them without running any of their code (listing, uninstalling, version, help). */
        INSTALL,
        /** Leave the folder alone (a long-running application watches it instead). */
        NONE
    }

    private final Framework framework;
    private final FrameworkStorage storage;
    private final String productLocationPrefix;
    private final long startLimitMillis;
    private final List<PluginProblem> problems = new CopyOnWriteArrayList<>();
    private final Set<Long> hung = ConcurrentHashMap.newKeySet();
    private final PrintStream log;

    private EmbeddedProduct(Framework framework, FrameworkStorage storage, Path home, PrintStream log) {
        this.framework = framework;
        this.storage = storage;
        this.log = log;
        // The URI of an existing folder ends with a slash already.
        String bundles = location(home.resolve("bundles"));
        this.productLocationPrefix = "reference:" + (bundles.endsWith("/") ? bundles : bundles + "/");
        this.startLimitMillis = (long) (startLimitSeconds() * 1000);
    }

    private static double startLimitSeconds() {
        String value = System.getProperty(PLUGIN_START_LIMIT_PROPERTY);
        try {
            double seconds = value == null ? DEFAULT_PLUGIN_START_SECONDS : Double.parseDouble(value);
            return seconds > 0 ? seconds : DEFAULT_PLUGIN_START_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_PLUGIN_START_SECONDS;
        }
    }

    /** {@link #start(LaunchContext, List, Plugins, Map, PrintStream)} with {@link Plugins#START} or {@link Plugins#NONE}. */
    public static EmbeddedProduct start(LaunchContext context, List<String> features, boolean installPlugins,
            Map<String, String> extraConfig, PrintStream log) throws IOException, BundleException {
        return start(context, features, installPlugins ? Plugins.START : Plugins.NONE, extraConfig, log);
    }

    /**
     * Starts the framework with the features' bundles.
     *
     * @param context the product home and folders
     * @param features feature folder names under {@code bundles/}, in start order
     * @param plugins what to do with the plug-in folder's bundles
     * @param extraConfig more framework properties (e.g. for the file-install bundle)
     * @param log where plug-in problems are reported, one line each
     */
    public static EmbeddedProduct start(LaunchContext context, List<String> features, Plugins plugins,
            Map<String, String> extraConfig, PrintStream log) throws IOException, BundleException {
        FrameworkStorage storage = FrameworkStorage.create(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            return start(context, features, plugins, extraConfig, log, storage);
        } catch (IOException | BundleException | RuntimeException | Error e) {
            storage.close();
            throw e;
        }
    }

    private static EmbeddedProduct start(LaunchContext context, List<String> features, Plugins plugins,
            Map<String, String> extraConfig, PrintStream log, FrameworkStorage storage)
            throws IOException, BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.frameworkFolder().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, LAUNCH_API_EXPORT + "," + GUARD_EXPORT);
        config.put("felix.log.level", "1");
        config.put("ds.loglevel", "warn");
        config.putAll(extraConfig);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EmbeddedProduct.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(config);
        framework.init();
        StartupTrace.mark("framework initialised", log);
        EmbeddedProduct product = new EmbeddedProduct(framework, storage, context.home(), log);
        BundleContext bc = framework.getBundleContext();
        // Before any bundle is installed, so the hook sees every class a plug-in defines.
        bc.registerService(WeavingHook.class, new ExitCallWeaver(product::isPlugin), null);
        bc.registerService(LaunchContext.class, context, null);
        bc.registerService(PluginHost.class, product, null);
        List<Bundle> toStart = new ArrayList<>();
        for (String feature : features) {
            Path dir = context.home().resolve("bundles").resolve(feature);
            if (!Files.isDirectory(dir)) {
                throw new IOException("feature folder missing: " + dir + " (is the product assembled?)");
            }
            for (Path jar : jars(dir)) {
                Bundle b = bc.installBundle("reference:" + location(jar));
                if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                    toStart.add(b);
                }
            }
        }
        StartupTrace.mark("bundles installed", log);
        framework.start();
        StartupTrace.mark("framework started", log);
        for (Bundle b : toStart) {
            b.start();
        }
        StartupTrace.mark("bundles started", log);
        if (plugins != Plugins.NONE) {
            product.installPlugins(context.pluginsDir(), plugins == Plugins.START);
        }
        return product;
    }

    private void installPlugins(Path pluginsDir, boolean startThem) throws IOException {
        if (!Files.isDirectory(pluginsDir)) {
            return;
        }
        BundleContext bc = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(pluginsDir)) {
            String location = location(jar);
            try {
                if (!isBundle(jar)) {
                    problem(new PluginProblem(jar.getFileName().toString(), "", location, "plug-in "
                            + jar.getFileName() + " is not an OSGi bundle (no Bundle-SymbolicName)"));
                    continue;
                }
                installed.add(bc.installBundle(location));
            } catch (BundleException | IOException e) {
                problem(new PluginProblem(jar.getFileName().toString(), "", location,
                        "plug-in " + jar.getFileName() + " cannot be installed: " + e.getMessage()));
            }
        }
        if (!startThem) {
            // Resolving runs no plug-in code, and tells a listing which bundles would not resolve.
            framework.adapt(FrameworkWiring.class).resolveBundles(installed);
            return;
        }
        for (Bundle b : installed) {
            PluginProblem problem = start(b);
            if (problem != null) {
                log.println("mixbench: " + problem.message());
            }
        }
    }

    @Override
    public boolean isPlugin(Bundle bundle) {
        return bundle.getBundleId() != 0 && !bundle.getLocation().startsWith(productLocationPrefix);
    }

    @Override
    public PluginProblem start(Bundle bundle) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return null;
        }
        String name = bundle.getSymbolicName() + " " + bundle.getVersion();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                bundle.start();
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        }, "mixbench-plugin-start-" + bundle.getSymbolicName());
        // A plug-in whose activator never returns keeps this thread; it must not keep the process.
        starter.setDaemon(true);
        starter.start();
        String what;
        try {
            started.get(startLimitMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            hung.add(bundle.getBundleId());
            what = "did not finish starting within " + startLimitMillis / 1000.0
                    + " s (its activator does not return), so it is left out of this run";
        } catch (ExecutionException e) {
            what = "does not start: " + reason(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            what = "was not started: interrupted";
        }
        PluginProblem problem = new PluginProblem(bundle.getSymbolicName(), bundle.getVersion().toString(),
                bundle.getLocation(), "plug-in " + name + " " + what);
        // Recorded, not printed: the caller says it where it reports (the launcher's log, a command's stderr).
        problems.add(problem);
        return problem;
    }

    /** One line: the resolver's reason, or what the activator threw. */
    private static String reason(Throwable t) {
        Throwable cause = t instanceof BundleException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof ExitRefusedException refused) {
            return "its activator called " + refused.call() + ", and a plug-in may not end Mixbench";
        }
        if (cause == t) {
            return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        return "its activator threw " + cause.getClass().getName() + message;
    }

    private void problem(PluginProblem problem) {
        problems.add(problem);
        log.println("mixbench: " + problem.message());
    }

    @Override
    public List<PluginProblem> problems() {
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
        StartupTrace.mark("application found", err);
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

    /**
     * Deletes the framework's storage without stopping the framework: for a process that halts next, when nothing
     * is left that a bundle's stop would write.
     */
    public void discard() {
        storage.close();
    }

    /**
     * Stops the framework and deletes its storage. Waits up to 10 s for the stop, 1 s when a plug-in never
     * finished starting: the framework's stop waits on that bundle for ever.
     */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(hung.isEmpty() ? 10_000 : 1_000);
        } catch (BundleException | InterruptedException e) {
            // Stopping is best effort: a hung plug-in thread must not keep the process alive.
        } finally {
            storage.close();
        }
    }
}
