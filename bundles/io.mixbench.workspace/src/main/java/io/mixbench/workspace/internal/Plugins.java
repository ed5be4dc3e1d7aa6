package io.mixbench.workspace.internal;

import io.mixbench.files.AtomicFiles;
import io.mixbench.launch.PluginHost;
import io.mixbench.launch.PluginProblem;
import io.mixbench.meter.MeterFactory;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Rule;
import io.mixbench.workspace.Plugin;
import io.mixbench.workspace.PluginInstall;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** The running program's bundles and the plug-in folder: listing, installing, removing, starting, stopping. */
final class Plugins {

    /**
     * The service properties that say what a bundle brings, by kind. The views' key is the workbench view API's
     * {@code ViewContribution.ID}, named here by value: the headless layer must not load SWT.
     */
    private static final Map<String, String> KINDS = Map.of(Rule.ID, "rules", MeterFactory.ID, "meters",
            ReportRenderer.FORMAT, "reports", "view.id", "views");
    private static final List<String> KIND_ORDER = List.of("rules", "meters", "reports", "views");

    private final BundleContext context;
    private final Path folder;
    private final PluginHost host;

    /**
     * @param folder the plug-in folder, or null when Mixbench was not started by its launcher
     * @param host the launcher's plug-in host, or null (then plug-ins start without a time limit)
     */
    Plugins(BundleContext context, Path folder, PluginHost host) {
        this.context = context;
        this.folder = folder;
        this.host = host;
    }

    Path folder() {
        return folder;
    }

    private Path requireFolder() throws IOException {
        if (folder == null) {
            throw new IOException("no plug-in folder: Mixbench was not started by its launcher");
        }
        return folder;
    }

    /** Every bundle but the framework's, plug-ins first, then by symbolic name. */
    List<Plugin> bundles() {
        List<Plugin> all = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0) {
                all.add(describe(b));
            }
        }
        all.sort(Comparator.comparing((Plugin p) -> !p.plugin()).thenComparing(p -> String.valueOf(p.symbolicName())));
        return all;
    }

    /**
     * A bundle and what it brings: the ids its services carry when it runs, else the rules its component
     * descriptions declare (a bundle that is not started runs no code, so describing it is safe whatever its
     * activator does).
     */
    Plugin describe(Bundle b) {
        Map<String, List<String>> brings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (b.getState() != Bundle.ACTIVE) {
            List<String> rules = ComponentDescriptions.ruleIds(b);
            if (!rules.isEmpty()) {
                brings.put("rules", rules);
            }
        } else {
            ServiceReference<?>[] refs = registeredServices(b);
            List<String> broken = new ArrayList<>();
            for (ServiceReference<?> ref : refs) {
                if (ref.getProperty(Rule.ID) instanceof String id) {
                    String problem = ruleProblem(ref);
                    if (problem != null) {
                        broken.add(id);
                        problems.add("rule " + id + "  cannot describe itself: " + problem);
                    }
                }
            }
            for (String kind : KIND_ORDER) {
                for (ServiceReference<?> ref : refs) {
                    KINDS.forEach((key, k) -> {
                        if (k.equals(kind) && ref.getProperty(key) instanceof String id
                                && !(kind.equals("rules") && broken.contains(id))) {
                            brings.computeIfAbsent(kind, x -> new ArrayList<>()).add(id);
                        }
                    });
                }
            }
        }
        if (host != null) {
            for (PluginProblem p : host.problems()) {
                if (p.location().equals(b.getLocation())) {
                    problems.add(p.message());
                }
            }
        }
        return new Plugin(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), state(b), file(b), brings,
                problems);
    }

    private static ServiceReference<?>[] registeredServices(Bundle b) {
        try {
            ServiceReference<?>[] refs = b.getRegisteredServices();
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (IllegalStateException e) {
            return new ServiceReference<?>[0]; // uninstalled meanwhile
        }
    }

    private String ruleProblem(ServiceReference<?> ref) {
        Object service = context.getService(ref);
        try {
            return service instanceof Rule rule ? RuleDescriptions.problem(rule) : null;
        } finally {
            if (service != null) {
                context.ungetService(ref);
            }
        }
    }

    static Plugin.State state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> Plugin.State.ACTIVE;
            case Bundle.RESOLVED -> Plugin.State.RESOLVED;
            case Bundle.INSTALLED -> Plugin.State.INSTALLED;
            case Bundle.STARTING -> Plugin.State.STARTING;
            case Bundle.STOPPING -> Plugin.State.STOPPING;
            default -> Plugin.State.UNINSTALLED;
        };
    }

    /** The bundle's jar when it lives in the plug-in folder, else null. */
    Path file(Bundle b) {
        if (folder == null) {
            return null;
        }
        String location = b.getLocation();
        if (!location.startsWith(location(folder))) {
            return null;
        }
        try {
            return Path.of(URI.create(location));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The location a file in the plug-in folder is installed from. */
    static String location(Path file) {
        return file.toAbsolutePath().toFile().toURI().normalize().toString();
    }

    /** The symbolic name in a jar's manifest, or null when it is not a bundle. */
    static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return bsn == null ? null : bsn.split(";")[0].trim();
        }
    }

    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    PluginInstall install(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " not found");
        }
        String bsn;
        try {
            bsn = symbolicName(jar);
        } catch (IOException e) {
            throw new IOException(jar + " is not a jar: " + e.getMessage(), e);
        }
        if (bsn == null) {
            throw new IOException(jar + " is not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
        }
        Path dir = requireFolder();
        Files.createDirectories(dir);
        Path target = dir.resolve(jar.getFileName());
        List<Path> replaced = new ArrayList<>();
        for (Path existing : jars(dir)) {
            if (!existing.equals(target) && bsn.equals(symbolicNameOrNull(existing))) {
                uninstallBundleAt(existing);
                Files.delete(existing);
                replaced.add(existing);
            }
        }
        AtomicFiles.write(target, o -> {
            try (InputStream in = Files.newInputStream(jar)) {
                in.transferTo(o);
            }
        });
        Bundle bundle = null;
        String problem;
        try {
            uninstallBundleAt(target);
            bundle = context.installBundle(location(target));
            problem = start(bundle);
        } catch (BundleException e) {
            problem = bsn + " does not install: " + e.getMessage().lines().findFirst().orElse("");
        }
        return new PluginInstall(target, replaced, bundle == null ? null : describe(bundle), problem);
    }

    private static String symbolicNameOrNull(Path jar) {
        try {
            return symbolicName(jar);
        } catch (IOException e) {
            return null;
        }
    }

    private void uninstallBundleAt(Path jar) throws IOException {
        Bundle b = context.getBundle(location(jar));
        if (b != null) {
            try {
                b.uninstall();
            } catch (BundleException | IllegalStateException e) {
                throw new IOException("cannot stop " + b.getSymbolicName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Starts a plug-in with the launcher's time limit (its activator may block or throw); null when it started. */
    String start(Bundle bundle) throws BundleException {
        if (host == null) {
            bundle.start();
            return null;
        }
        PluginProblem problem = host.start(bundle);
        return problem == null ? null : problem.message();
    }

    List<Path> uninstall(String name) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path jar : jars(requireFolder())) {
            if (name.equals(symbolicNameOrNull(jar)) || name.equals(jar.getFileName().toString())) {
                uninstallBundleAt(jar);
                Files.delete(jar);
                removed.add(jar);
            }
        }
        return removed;
    }

    void setStarted(String symbolicName, boolean started) throws IOException {
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && symbolicName.equals(b.getSymbolicName())) {
                try {
                    if (!started) {
                        b.stop();
                    } else if (file(b) != null) {
                        String problem = start(b);
                        if (problem != null) {
                            throw new IOException(problem);
                        }
                    } else {
                        b.start();
                    }
                } catch (BundleException | IllegalStateException e) {
                    throw new IOException(symbolicName + ": " + e.getMessage(), e);
                }
                return;
            }
        }
        throw new IOException("no bundle named " + symbolicName);
    }
}
