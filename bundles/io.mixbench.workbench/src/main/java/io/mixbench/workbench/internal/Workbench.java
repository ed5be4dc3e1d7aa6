package io.mixbench.workbench.internal;

import io.mixbench.launch.Application;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mixbench gui [session|folder]}: the workbench window. {@link #run} is called on the process's main
 * thread and owns the SWT display for its whole life; everything else reaches the UI through
 * {@link Display#asyncExec}.
 * <p>
 * For automated tests, system property {@value #SCREENSHOT_PROPERTY} names a PNG file the window saves of
 * itself once it is shown, and {@value #EXIT_AFTER_PROPERTY} closes it after that many milliseconds.
 */
@Component(service = Application.class, property = Application.COMMAND + "=gui")
public final class Workbench implements Application {

    static final String SCREENSHOT_PROPERTY = "mixbench.gui.screenshot";
    static final String EXIT_AFTER_PROPERTY = "mixbench.gui.exitAfterMillis";

    @Reference
    SessionStore sessions;

    @Override
    public int run(String command, List<String> args, PrintStream out, PrintStream err) throws IOException {
        long started = System.nanoTime();
        Display display = new Display();
        try {
            Shell shell = new Shell(display);
            shell.setText("Mixbench");
            shell.setLayout(new GridLayout(1, false));
            Table tracks = sessionExplorer(shell);
            Label status = new Label(shell, SWT.NONE);
            status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            status.setText("Open a session folder with File > Open Folder (Ctrl+O).");
            menu(shell, tracks, status, err);
            if (!args.isEmpty()) {
                open(Path.of(args.get(0)), tracks, status, err);
            }
            shell.setSize(1000, 640);
            shell.open();
            err.printf(java.util.Locale.ROOT, "Workbench window open after %.0f ms%n",
                    (System.nanoTime() - started) / 1e6);
            scheduleTestHooks(display, shell, err);
            while (!shell.isDisposed()) {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
            return 0;
        } finally {
            display.dispose();
        }
    }

    private static Table sessionExplorer(Shell shell) {
        Table table = new Table(shell, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] column : new String[][]{{"Track", "220"}, {"Role", "160"}, {"File", "560"}}) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        return table;
    }

    private void menu(Shell shell, Table tracks, Label status, PrintStream err) {
        Menu bar = new Menu(shell, SWT.BAR);
        MenuItem file = new MenuItem(bar, SWT.CASCADE);
        file.setText("&File");
        Menu fileMenu = new Menu(shell, SWT.DROP_DOWN);
        file.setMenu(fileMenu);
        MenuItem openFolder = new MenuItem(fileMenu, SWT.PUSH);
        openFolder.setText("&Open Folder...\tCtrl+O");
        openFolder.setAccelerator(SWT.MOD1 + 'O');
        openFolder.addListener(SWT.Selection, e -> {
            String folder = new DirectoryDialog(shell).open();
            if (folder != null) {
                open(Path.of(folder), tracks, status, err);
            }
        });
        MenuItem quit = new MenuItem(fileMenu, SWT.PUSH);
        quit.setText("&Quit\tCtrl+Q");
        quit.setAccelerator(SWT.MOD1 + 'Q');
        quit.addListener(SWT.Selection, e -> shell.close());
        shell.setMenuBar(bar);
    }

    private void open(Path path, Table tracks, Label status, PrintStream err) {
        try {
            Session session = sessions.open(path.toAbsolutePath());
            tracks.removeAll();
            for (Track t : session.tracks()) {
                TableItem item = new TableItem(tracks, SWT.NONE);
                item.setText(new String[]{t.name(), t.role().displayName(), t.file().toString()});
            }
            status.setText(session.tracks().size() + " tracks in " + session.location() + " ("
                    + session.exportKind().id() + ", pan law " + session.panLaw().centreGainDb() + " dB)");
        } catch (IOException | RuntimeException e) {
            status.setText("Cannot open " + path + ": " + e.getMessage());
            err.println("mixbench: cannot open " + path + ": " + e.getMessage());
        }
    }

    private static void scheduleTestHooks(Display display, Shell shell, PrintStream err) {
        String screenshot = System.getProperty(SCREENSHOT_PROPERTY);
        if (screenshot != null) {
            // Let the window paint first.
            display.timerExec(800, () -> {
                if (!shell.isDisposed()) {
                    saveScreenshot(display, shell, Path.of(screenshot), err);
                }
            });
        }
        String exitAfter = System.getProperty(EXIT_AFTER_PROPERTY);
        if (exitAfter != null) {
            display.timerExec(Integer.parseInt(exitAfter), () -> {
                if (!shell.isDisposed()) {
                    shell.close();
                }
            });
        }
    }

    private static void saveScreenshot(Display display, Shell shell, Path file, PrintStream err) {
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[]{image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
            err.println("Workbench screenshot saved to " + file);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
