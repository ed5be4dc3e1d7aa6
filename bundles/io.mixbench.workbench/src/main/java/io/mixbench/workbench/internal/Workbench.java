package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisService;
import io.mixbench.launch.Application;
import io.mixbench.launch.LaunchContext;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.SessionStore;
import io.mixbench.ui.ViewContribution;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.swt.graphics.DeviceData;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code mixbench gui [session|folder]}: the workbench. {@link #run} is called on the process's main thread and
 * owns the SWT display for its whole life; services arrive on framework threads and reach the UI through
 * {@link Display#asyncExec}. Views are {@link ViewContribution} services, tracked dynamically.
 * <p>
 * System properties for automated tests: {@value #SCREENSHOT_PROPERTY} names a PNG the window saves of itself once
 * shown, {@value #EXIT_AFTER_PROPERTY} closes it after that many milliseconds, and {@value Robot#SCRIPT_PROPERTY}
 * names a script of commands ({@link Robot}) the workbench runs as a user would.
 */
@Component(service = Application.class, property = Application.COMMAND + "=gui")
public final class Workbench implements Application {

    static final String SCREENSHOT_PROPERTY = "mixbench.gui.screenshot";
    static final String EXIT_AFTER_PROPERTY = "mixbench.gui.exitAfterMillis";
    /** Tracks every SWT resource (DeviceData.tracking), so leaks can be counted. */
    static final String TRACK_RESOURCES_PROPERTY = "mixbench.gui.trackResources";

    @Reference
    SessionStore sessions;

    @Reference
    AnalysisService analysis;

    @Reference
    RuleSetRegistry ruleSets;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LaunchContext launch;

    BundleContext bundleContext;

    final List<ServiceReference<ViewContribution>> viewRefs = new CopyOnWriteArrayList<>();
    final Map<String, ReportRenderer> renderers = new ConcurrentHashMap<>();
    private volatile Window window;

    @Activate
    void activate(BundleContext context) {
        this.bundleContext = context;
    }

    @Reference(service = ViewContribution.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(ServiceReference<ViewContribution> ref) {
        viewRefs.add(ref);
        Window w = window;
        if (w != null) {
            w.async(w::syncViews);
        }
    }

    void removeView(ServiceReference<ViewContribution> ref) {
        viewRefs.remove(ref);
        Window w = window;
        if (w != null) {
            w.async(w::syncViews);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRenderer(ReportRenderer renderer) {
        renderers.put(renderer.format(), renderer);
    }

    void removeRenderer(ReportRenderer renderer) {
        renderers.remove(renderer.format(), renderer);
    }

    /** A rule came or went: the open session's findings are stale. */
    @Reference(service = Rule.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRule(ServiceReference<Rule> ref) {
        rulesChanged();
    }

    void removeRule(ServiceReference<Rule> ref) {
        rulesChanged();
    }

    private void rulesChanged() {
        Window w = window;
        if (w != null) {
            w.async(w::rulesChanged);
        }
    }

    Map<String, ReportRenderer> renderersByFormat() {
        return new TreeMap<>(renderers);
    }

    /** The drop-in folder the file-install bundle watches. */
    Path pluginsDir() {
        LaunchContext c = launch;
        return c != null ? c.pluginsDir() : Path.of(System.getProperty("mixbench.home", ".")).resolve("plugins");
    }

    Path workingDir() {
        LaunchContext c = launch;
        return c != null ? c.workingDir() : Path.of("").toAbsolutePath();
    }

    @Override
    public int run(String command, List<String> args, PrintStream out, PrintStream err) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String script = System.getProperty(Robot.SCRIPT_PROPERTY);
        DeviceData data = new DeviceData();
        data.tracking = script != null || Boolean.getBoolean(TRACK_RESOURCES_PROPERTY);
        Display display = new Display(data);
        Display.setAppName("Mixbench");
        Preferences prefs = new Preferences(Preferences.defaultFile()).load();
        Window w = new Window(this, display, prefs, err);
        try {
            window = w;
            w.create();
            if (!args.isEmpty()) {
                w.open(workingDir().resolve(args.get(0)).toAbsolutePath().normalize());
            }
            w.shell().open();
            w.windowOpenedAt = System.currentTimeMillis();
            err.printf(java.util.Locale.ROOT, "Workbench window open after %d ms (JVM start to window)%n",
                    w.windowOpenedAt - jvmStart);
            scheduleTestHooks(w, err);
            if (script != null) {
                new Robot(w, Path.of(script), jvmStart, err).start();
            }
            while (!w.shell().isDisposed()) {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
            return w.exitCode;
        } finally {
            window = null;
            w.shutdown();
            display.dispose();
        }
    }

    private static void scheduleTestHooks(Window w, PrintStream err) {
        String screenshot = System.getProperty(SCREENSHOT_PROPERTY);
        if (screenshot != null) {
            // Let the window lay out and paint first.
            w.display().timerExec(800, () -> {
                if (!w.shell().isDisposed()) {
                    w.screenshot(Path.of(screenshot));
                    err.println("Workbench screenshot saved to " + screenshot);
                }
            });
        }
        String exitAfter = System.getProperty(EXIT_AFTER_PROPERTY);
        if (exitAfter != null) {
            w.display().timerExec(Integer.parseInt(exitAfter), () -> {
                if (!w.shell().isDisposed()) {
                    w.shell().close();
                }
            });
        }
    }
}
