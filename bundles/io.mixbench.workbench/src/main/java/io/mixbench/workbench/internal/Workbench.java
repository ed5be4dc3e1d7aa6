package io.mixbench.workbench.internal;

import io.mixbench.launch.Application;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.StartupTrace;
import io.mixbench.ui.ViewContribution;
import io.mixbench.workspace.Workspace;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.swt.SWT;
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
 * {@link Display#asyncExec}. Views are {@link ViewContribution} services, tracked dynamically. The workbench runs on
 * the {@link Workspace}: each window keeps one open session of it. The first window lives as long as the command;
 * a view may open more beside it (e.g. a rendered plan's session), which close with it.
 * <p>
 * System properties for tests: {@value #SCREENSHOT_PROPERTY} names a PNG the window saves of itself once shown,
 * {@value #EXIT_AFTER_PROPERTY} closes it after that many milliseconds, and {@value #TRACK_RESOURCES_PROPERTY}
 * tracks every SWT resource so a test can count leaks. With {@link StartupTrace} on, it marks {@code window drawn}
 * and, for a session given on the command line, {@code findings shown} (then closes, with
 * {@value StartupTrace#EXIT_AFTER_STARTUP_PROPERTY}).
 */
@Component(service = Application.class, property = Application.COMMAND + "=gui")
public final class Workbench implements Application {

    static final String SCREENSHOT_PROPERTY = "mixbench.gui.screenshot";
    static final String EXIT_AFTER_PROPERTY = "mixbench.gui.exitAfterMillis";
    /** Tracks every SWT resource (DeviceData.tracking), so leaks can be counted. */
    static final String TRACK_RESOURCES_PROPERTY = "mixbench.gui.trackResources";

    @Reference
    Workspace workspace;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LaunchContext launch;

    BundleContext bundleContext;

    final List<ServiceReference<ViewContribution>> viewRefs = new CopyOnWriteArrayList<>();
    /** The open windows, the first one first. */
    private final List<Window> windows = new CopyOnWriteArrayList<>();

    @Activate
    void activate(BundleContext context) {
        this.bundleContext = context;
    }

    @Reference(service = ViewContribution.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(ServiceReference<ViewContribution> ref) {
        viewRefs.add(ref);
        syncViews();
    }

    void removeView(ServiceReference<ViewContribution> ref) {
        viewRefs.remove(ref);
        syncViews();
    }

    private void syncViews() {
        for (Window w : windows) {
            w.async(w::syncViews);
        }
    }

    /**
     * Opens a session in a new window beside {@code opener}, on the UI thread. The window ends its open session when
     * it closes.
     */
    void openWindow(Path session, Window opener) {
        Window w = new Window(this, workspace, opener.display(), opener.prefs, opener.err, opener);
        windows.add(w);
        w.create();
        w.shell().addListener(SWT.Dispose, e -> {
            if (windows.remove(w)) {
                w.shutdown();
            }
        });
        w.open(session);
        w.shell().open();
    }

    Path workingDir() {
        LaunchContext c = launch;
        return c != null ? c.workingDir() : Path.of("").toAbsolutePath();
    }

    @Override
    public int run(String command, List<String> args, PrintStream out, PrintStream err) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        DeviceData data = new DeviceData();
        data.tracking = Boolean.getBoolean(TRACK_RESOURCES_PROPERTY);
        Display display = new Display(data);
        Display.setAppName("Mixbench");
        Preferences prefs = new Preferences(Preferences.defaultFile()).load();
        Window w = new Window(this, workspace, display, prefs, err, null);
        try {
            windows.add(w);
            w.create();
            if (!args.isEmpty()) {
                w.open(workingDir().resolve(args.get(0)).toAbsolutePath().normalize());
            }
            boolean exitAfterStartup = Boolean.getBoolean(StartupTrace.EXIT_AFTER_STARTUP_PROPERTY);
            if (!args.isEmpty()) {
                w.onFirstFindings(() -> {
                    StartupTrace.mark("findings shown", err);
                    if (exitAfterStartup) {
                        w.shell().close();
                    }
                });
            }
            w.shell().open();
            w.shell().update();
            err.printf(java.util.Locale.ROOT, "Workbench window open after %d ms (JVM start to window)%n",
                    System.currentTimeMillis() - jvmStart);
            StartupTrace.mark("window drawn", err);
            if (exitAfterStartup && args.isEmpty()) {
                w.shell().close();
            }
            scheduleTestHooks(w, err);
            while (!w.shell().isDisposed()) {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
            return 0;
        } finally {
            for (Window open : windows) {
                windows.remove(open);
                open.shutdown();
            }
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
