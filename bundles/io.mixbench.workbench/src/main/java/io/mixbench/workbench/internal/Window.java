package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.session.Session;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.ViewTask;
import io.mixbench.ui.WorkbenchListener;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.OpenSessionListener;
import io.mixbench.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * The workbench window: the shell, its menus and status bar, and the host of the views. What the user does with the
 * session goes to one {@link OpenSession} of the {@link Workspace}; the window and its views follow that open
 * session's events, which hop to the UI thread. Everything here runs on the UI thread except {@link #async}. The
 * first window of the workbench remembers the layout; a window opened beside it (a view's
 * {@link ViewSite#openWindow}) has its own open session and closes without touching the preferences.
 */
final class Window {

    static final String CATEGORY_KEY = "tab.";

    final Workbench wb;
    final Workspace workspace;
    final OpenSession openSession;
    private final Display display;
    final Preferences prefs;
    final PrintStream err;
    /** The window this one was opened beside, or null for the workbench's first window. */
    private final Window opener;
    private final OpenSessionListener events = new Events();
    private final Listener escape = this::escape;
    private Shell shell;
    private SashForm mainSash;
    private SashForm rightSash;
    private final Map<String, CTabFolder> folders = new LinkedHashMap<>();
    final List<ViewHolder> holders = new ArrayList<>();
    private Label status;
    private ProgressBar progress;
    private Button cancel;
    /** Whether the open session's events last said an analysis runs. */
    private boolean analysing;
    /** The view task the status bar shows, or null. */
    private Task task;

    /** The session and result as the UI thread has heard of them: what the views are shown. */
    private Session session;
    private AnalysisResult result;
    /** Run once, when the first findings are on screen (start-up tracing). */
    private Runnable firstFindings;
    private Selection selection = Selection.EMPTY;

    /**
     * @param opener the window this one opens beside (it takes that window's rule-set choice), or null for the
     *        workbench's first window (the preferences' choice)
     */
    Window(Workbench wb, Workspace workspace, Display display, Preferences prefs, PrintStream err, Window opener) {
        this.wb = wb;
        this.workspace = workspace;
        this.display = display;
        this.prefs = prefs;
        this.err = err;
        this.opener = opener;
        this.openSession = workspace.newOpenSession(settings(prefs));
        String chosen = opener != null
                ? opener.openSession.ruleSetChoice()
                : prefs.get(Preferences.ACTIVE_RULE_SET,
                        "");
        openSession.chooseRuleSet(chosen == null || chosen.isBlank() ? null : chosen);
    }

    Display display() {
        return display;
    }

    Shell shell() {
        return shell;
    }

    /** Runs on the UI thread soon; does nothing once the display is gone (shutdown races). */
    void async(Runnable task) {
        try {
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (shell != null && !shell.isDisposed()) {
                        task.run();
                    }
                });
            }
        } catch (SWTException e) {
            // "Device is disposed": the window closed while a service or analysis thread was reporting.
        }
    }

    void create() {
        shell = new Shell(display);
        shell.setText("Mixbench");
        shell.setLayout(new GridLayout(1, false));
        menu();
        mainSash = new SashForm(shell, SWT.HORIZONTAL);
        mainSash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        folders.put(ViewContribution.CATEGORY_SESSION, folder(mainSash));
        rightSash = new SashForm(mainSash, SWT.VERTICAL);
        folders.put(ViewContribution.CATEGORY_ANALYSIS, folder(rightSash));
        folders.put(ViewContribution.CATEGORY_DETAIL, folder(rightSash));
        mainSash.setWeights(weights("sash.main", new int[]{30, 70}));
        rightSash.setWeights(weights("sash.right", new int[]{50, 50}));
        statusBar();
        int[] bounds = prefs.ints("shell.bounds", 4);
        if (opener != null) {
            // Beside the window it was opened from, offset so both title bars show, and on the screen.
            Rectangle o = opener.shell.getBounds();
            Rectangle screen = opener.shell.getMonitor().getClientArea();
            shell.setBounds(Math.max(screen.x, Math.min(o.x + 48, screen.x + screen.width - o.width)),
                    Math.max(screen.y, Math.min(o.y + 48, screen.y + screen.height - o.height)), o.width, o.height);
        } else if (bounds != null && bounds[2] >= 400 && bounds[3] >= 300) {
            shell.setBounds(bounds[0], bounds[1], bounds[2], bounds[3]);
        } else {
            shell.setSize(1280, 780);
        }
        if (opener == null) {
            shell.addListener(SWT.Close, e -> rememberLayout());
        }
        display.addFilter(SWT.KeyDown, escape);
        DropTarget drop = new DropTarget(shell, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[]{FileTransfer.getInstance()});
        drop.addDropListener(fileDrop(this::addFiles));
        openSession.addListener(events);
        syncViews();
    }

    private int[] weights(String key, int[] fallback) {
        int[] w = prefs.ints(key, fallback.length);
        if (w == null) {
            return fallback;
        }
        for (int v : w) {
            if (v <= 0) {
                return fallback;
            }
        }
        return w;
    }

    private CTabFolder folder(Composite parent) {
        CTabFolder folder = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        folder.setSimple(false);
        folder.addListener(SWT.Selection, e -> {
            if (e.item != null && e.item.getData() instanceof ViewHolder h) {
                h.ensureCreated();
            }
        });
        return folder;
    }

    /** A drop listener that hands dropped files and folders to {@code add}. */
    static DropTargetAdapter fileDrop(Consumer<List<Path>> add) {
        return new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT) {
                    event.detail = DND.DROP_COPY;
                }
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] names) {
                    List<Path> paths = new ArrayList<>();
                    for (String n : names) {
                        paths.add(Path.of(n));
                    }
                    add.accept(paths);
                }
            }
        };
    }

    private void statusBar() {
        Composite bar = new Composite(shell, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 0;
        bar.setLayout(layout);
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Open a session (Ctrl+O) or a folder of stems (Ctrl+Shift+O), or drop files here.");
        progress = new ProgressBar(bar, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(1000);
        GridData pd = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        pd.widthHint = 220;
        progress.setLayoutData(pd);
        cancel = new Button(bar, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Cancel the analysis or the task the bar shows (Esc)");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancelAnalysis());
    }

    void setStatus(String message) {
        if (!status.isDisposed()) {
            status.setText(message == null ? "" : message);
        }
    }

    // ---- menu and shortcuts

    private void menu() {
        Menu bar = new Menu(shell, SWT.BAR);
        Menu file = cascade(bar, "&File");
        item(file, "&Open Session...\tCtrl+O", SWT.MOD1 + 'O', this::openSessionDialog);
        item(file, "Open &Folder...\tCtrl+Shift+O", SWT.MOD1 + SWT.SHIFT + 'O', this::openFolderDialog);
        MenuItem recentItem = new MenuItem(file, SWT.CASCADE);
        recentItem.setText("&Recent Sessions");
        Menu recent = new Menu(shell, SWT.DROP_DOWN);
        recentItem.setMenu(recent);
        recent.addListener(SWT.Show, e -> {
            for (MenuItem old : recent.getItems()) {
                old.dispose();
            }
            for (String path : prefs.recent()) {
                item(recent, path, 0, () -> open(Path.of(path)));
            }
            if (recent.getItemCount() == 0) {
                new MenuItem(recent, SWT.PUSH).setText("(none)");
            }
        });
        new MenuItem(file, SWT.SEPARATOR);
        item(file, "Add &Files...", 0, this::addFilesDialog);
        item(file, "Add Fol&der...", 0, this::addFolderDialog);
        new MenuItem(file, SWT.SEPARATOR);
        item(file, "&Save Session\tCtrl+S", SWT.MOD1 + 'S', () -> saveSession(false));
        item(file, "Save Session &As...\tCtrl+Shift+S", SWT.MOD1 + SWT.SHIFT + 'S', () -> saveSession(true));
        item(file, "&Close Session\tCtrl+W", SWT.MOD1 + 'W', this::closeSession);
        new MenuItem(file, SWT.SEPARATOR);
        item(file, "&Export Report...\tCtrl+E", SWT.MOD1 + 'E', () -> showView(ReportsView.ID));
        item(file, "&Preferences...", 0, () -> new PreferencesDialog(this).open());
        new MenuItem(file, SWT.SEPARATOR);
        item(file, "&Quit\tCtrl+Q", SWT.MOD1 + 'Q', () -> shell.close());
        Menu analysis = cascade(bar, "&Analysis");
        item(analysis, "&Analyse\tF5", SWT.F5, this::analyse);
        item(analysis, "&Cancel\tEsc", 0, this::cancelAnalysis);
        Menu views = cascade(bar, "&View");
        views.addListener(SWT.Show, e -> {
            for (MenuItem old : views.getItems()) {
                old.dispose();
            }
            for (ViewHolder h : holders) {
                item(views, h.name, 0, () -> showView(h.id));
            }
        });
        shell.setMenuBar(bar);
    }

    private Menu cascade(Menu bar, String text) {
        MenuItem item = new MenuItem(bar, SWT.CASCADE);
        item.setText(text);
        Menu menu = new Menu(shell, SWT.DROP_DOWN);
        item.setMenu(menu);
        return menu;
    }

    private static void item(Menu menu, String text, int accelerator, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        if (accelerator != 0) {
            item.setAccelerator(accelerator);
        }
        item.addListener(SWT.Selection, e -> action.run());
    }

    /**
     * The open dialog's filters as {extensions, names}: session files and audio files together first (a bounce on
     * its own opens as the mix), then each kind, then every file. Patterns in both cases: GTK matches them exactly.
     */
    static String[][] openFilters(Set<String> audioExtensions) {
        String sessions = patterns(List.of(Workspace.SESSION_FILE_EXTENSION));
        String audio = patterns(audioExtensions.stream().sorted().toList());
        return new String[][]{{sessions + ";" + audio, sessions, audio, "*"},
                {"Sessions and audio files", "Session files", "Audio files", "All files"}};
    }

    private static String patterns(List<String> extensions) {
        List<String> patterns = new ArrayList<>();
        for (String e : extensions) {
            patterns.add("*." + e.toLowerCase(Locale.ROOT));
            patterns.add("*." + e.toUpperCase(Locale.ROOT));
        }
        return String.join(";", patterns);
    }

    private void openSessionDialog() {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        String[][] filters = openFilters(workspace.audioFileExtensions());
        dialog.setFilterExtensions(filters[0]);
        dialog.setFilterNames(filters[1]);
        String f = dialog.open();
        if (f != null) {
            open(Path.of(f));
        }
    }

    private void openFolderDialog() {
        String f = new DirectoryDialog(shell).open();
        if (f != null) {
            open(Path.of(f));
        }
    }

    private void addFilesDialog() {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        if (dialog.open() != null) {
            List<Path> files = new ArrayList<>();
            for (String name : dialog.getFileNames()) {
                files.add(Path.of(dialog.getFilterPath(), name));
            }
            addFiles(files);
        }
    }

    private void addFolderDialog() {
        String f = new DirectoryDialog(shell).open();
        if (f != null) {
            addFiles(List.of(Path.of(f)));
        }
    }

    /** Runs {@code action} on the UI thread once the first analysis result is shown. */
    void onFirstFindings(Runnable action) {
        this.firstFindings = action;
    }

    // ---- the session: gestures go to the open session; what they change comes back as its events

    /** Opens a session file, a folder of audio files or one audio file, and analyses it when set to. */
    void open(Path path) {
        try {
            Session opened = openSession.open(List.of(path));
            prefs.addRecent(opened.location().toString());
            setStatus(opened.tracks().size() + " tracks in " + opened.location());
        } catch (IOException | RuntimeException e) {
            setStatus("Cannot open " + path + ": " + e.getMessage());
            err.println("mixbench: cannot open " + path + ": " + e.getMessage());
        }
    }

    void closeSession() {
        openSession.closeSession();
        setStatus("Session closed.");
    }

    /** Adds audio files and folders' audio files to the session; a dropped session file is opened instead. */
    void addFiles(List<Path> paths) {
        Session before = openSession.session();
        try {
            int added = openSession.addFiles(paths);
            Session after = openSession.session();
            if (added == 0 && after != null && after != before) {
                // One session file, or a folder while none was open: opened instead.
                prefs.addRecent(after.location().toString());
                setStatus(after.tracks().size() + " tracks in " + after.location());
            } else {
                setStatus(added == 0 ? "No audio files to add." : "Added " + added + " file(s).");
            }
        } catch (IOException | RuntimeException e) {
            setStatus("Cannot add: " + e.getMessage());
        }
    }

    void saveSession(boolean askForFile) {
        Session current = openSession.session();
        if (current == null) {
            setStatus("No session to save.");
            return;
        }
        Path target = current.location();
        String suffix = "." + Workspace.SESSION_FILE_EXTENSION;
        if (askForFile || !target.toString().endsWith(suffix)) {
            FileDialog dialog = new FileDialog(shell, SWT.SAVE);
            dialog.setOverwrite(true);
            Path folder = Files.isDirectory(target) ? target : target.getParent();
            dialog.setFilterPath(folder.toString());
            dialog.setFileName("session" + suffix);
            String f = dialog.open();
            if (f == null) {
                return;
            }
            target = Path.of(f.endsWith(suffix) ? f : f + suffix);
        }
        try {
            openSession.save(target);
            prefs.addRecent(target.toString());
            setStatus("Saved " + target);
        } catch (IOException | RuntimeException e) {
            error("Cannot save " + target + ": " + e.getMessage());
        }
    }

    /** Says a failure in the status line, on stderr and in a message box. */
    void error(String message) {
        setStatus(message);
        err.println("mixbench: " + message);
        MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
        box.setMessage(message);
        box.open();
    }

    /** How analyses run, from the preferences. */
    static OpenSession.Settings settings(Preferences prefs) {
        return new OpenSession.Settings(prefs.flag(Preferences.USE_CACHE, true),
                OpenSession.Settings.DEFAULT.ruleTimeLimit(), prefs.flag(Preferences.ANALYSE_ON_OPEN, true));
    }

    /** The preferences changed: the next analysis runs by them. */
    void preferencesChanged() {
        openSession.configure(settings(prefs));
    }

    void analyse() {
        openSession.analyse();
    }

    /** Cancels a view's task when one runs, else the analysis. */
    void cancelAnalysis() {
        if (task != null) {
            task.cancel();
        } else {
            openSession.cancel();
        }
    }

    /** Esc in this window cancels as the Cancel button does. */
    private void escape(Event e) {
        if (e.keyCode == SWT.ESC && (analysing || task != null) && !shell.isDisposed() && shell.isVisible()
                && e.widget instanceof Control c && !c.isDisposed() && c.getShell() == shell) {
            cancelAnalysis();
        }
    }

    /** Opens a session in a new window beside this one. */
    void openWindow(Path path) {
        try {
            wb.openWindow(path, this);
        } catch (RuntimeException e) {
            error("Cannot open " + path + " in a new window: " + e.getMessage());
        }
    }

    /** The open session's events, on the UI thread in the order they happened. */
    private final class Events implements OpenSessionListener {

        @Override
        public void sessionChanged(Session next) {
            async(() -> {
                session = next;
                shell.setText(next == null ? "Mixbench" : "Mixbench - " + next.location().getFileName());
                // A new or closed session stops the running analysis without an event of its own; a save does not.
                followAnalysing(openSession.analysing());
                fire(l -> l.sessionChanged(next));
            });
        }

        @Override
        public void analysisStarted(int tracks, String ruleSetId) {
            async(() -> {
                progress.setSelection(0);
                followAnalysing(true);
                setStatus("Analysing " + tracks + " tracks with rule set '" + ruleSetId + "'...");
            });
        }

        @Override
        public void progress(double fraction, String message) {
            async(() -> {
                progress.setSelection((int) Math.round(fraction * 1000));
                setStatus(message);
            });
        }

        @Override
        public void resultChanged(AnalysisResult r) {
            async(() -> {
                followAnalysing(false);
                if (r == null) {
                    // A new session or none: a selection of the old one means nothing.
                    setSelection(Selection.EMPTY);
                } else {
                    progress.setSelection(1000);
                    setStatus(String.format(Locale.ROOT, "%d findings, worst %s (%.1f s, rule set '%s'). %s",
                            r.findings().size(), r.worstSeverity().id(), r.elapsed().toMillis() / 1000.0,
                            r.ruleSet().id(), r.deliverable().describe()));
                }
                result = r;
                fire(l -> l.resultChanged(r));
                if (r != null && firstFindings != null) {
                    Runnable first = firstFindings;
                    firstFindings = null;
                    shell.update();
                    first.run();
                }
            });
        }

        @Override
        public void analysisCancelled() {
            async(() -> {
                followAnalysing(false);
                progress.setSelection(0);
                setStatus("Analysis cancelled.");
            });
        }

        @Override
        public void analysisFailed(String message) {
            async(() -> {
                followAnalysing(false);
                progress.setSelection(0);
                setStatus(message);
                err.println("mixbench: " + message);
            });
        }
    }

    /**
     * The cancel button is there while an analysis runs. It follows the events, which arrive in order (a newer
     * analysis's start comes after an older one's end), not the open session's state at the moment the UI thread
     * gets to them.
     */
    private void followAnalysing(boolean running) {
        analysing = running;
        if (!cancel.isDisposed()) {
            cancel.setEnabled(running || task != null);
        }
    }

    /** Starts a view's task in the status bar; a task already shown stays running but loses the bar. */
    Task startTask(String description) {
        task = new Task();
        progress.setSelection(0);
        followAnalysing(analysing);
        setStatus(description);
        return task;
    }

    /**
     * A view's task in the status bar. Its progress and end hop to the UI thread; a task that no longer owns the
     * bar (a newer one started) changes nothing there.
     */
    final class Task implements ViewTask {
        private volatile boolean cancelled;
        private volatile boolean ended;

        void cancel() {
            cancelled = true;
        }

        @Override
        public void progress(double fraction, String message) {
            async(() -> {
                if (task == this && !ended) {
                    progress.setSelection((int) Math.round(Math.max(0, Math.min(1, fraction)) * 1000));
                    setStatus(message);
                }
            });
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void done(String message) {
            async(() -> {
                if (ended) {
                    return;
                }
                ended = true;
                if (task == this) {
                    task = null;
                    progress.setSelection(cancelled ? 0 : 1000);
                    followAnalysing(analysing);
                    setStatus(message);
                }
            });
        }
    }

    void setSelection(Selection s) {
        Selection next = s == null ? Selection.EMPTY : s;
        if (next.equals(selection)) {
            return;
        }
        selection = next;
        fire(l -> l.selectionChanged(next));
    }

    private void fire(Consumer<WorkbenchListener> event) {
        for (ViewHolder h : List.copyOf(holders)) {
            if (h.site != null) {
                for (WorkbenchListener l : List.copyOf(h.site.listeners)) {
                    try {
                        event.accept(l);
                    } catch (RuntimeException e) {
                        // A broken view must not break the others.
                        err.println("mixbench: view " + h.id + " failed: " + e);
                    }
                }
            }
        }
    }

    // ---- views

    /** Brings the tabs in line with the registered views: new ones get a tab, gone ones lose theirs. */
    void syncViews() {
        List<ServiceReference<ViewContribution>> refs = new ArrayList<>(wb.viewRefs);
        for (ViewHolder h : List.copyOf(holders)) {
            if (!refs.contains(h.ref)) {
                h.dispose();
                holders.remove(h);
            }
        }
        refs.sort(Comparator.comparingInt(Window::order).thenComparing(r -> (Long) r.getProperty("service.id")));
        for (ServiceReference<ViewContribution> ref : refs) {
            if (holders.stream().noneMatch(h -> h.ref.equals(ref)) && ref.getProperty(ViewContribution.ID) != null) {
                holders.add(new ViewHolder(ref));
            }
        }
        for (Map.Entry<String, CTabFolder> e : folders.entrySet()) {
            CTabFolder folder = e.getValue();
            if (folder.getSelection() == null && folder.getItemCount() > 0) {
                String wanted = prefs.get(CATEGORY_KEY + e.getKey(), "");
                CTabItem pick = folder.getItem(0);
                for (CTabItem item : folder.getItems()) {
                    if (item.getData() instanceof ViewHolder h && h.id.equals(wanted)) {
                        pick = item;
                    }
                }
                folder.setSelection(pick);
            }
            if (folder.getSelection() != null && folder.getSelection().getData() instanceof ViewHolder h) {
                h.ensureCreated();
            }
        }
    }

    private static int order(ServiceReference<?> ref) {
        return ref.getProperty(StandardViews.ORDER) instanceof Integer i ? i : Integer.MAX_VALUE;
    }

    ViewHolder holder(String id) {
        for (ViewHolder h : holders) {
            if (h.id.equals(id)) {
                return h;
            }
        }
        return null;
    }

    /** Shows a view's tab, creating the view if needed; false when no such view is registered. */
    boolean showView(String id) {
        ViewHolder h = holder(id);
        if (h == null) {
            return false;
        }
        h.item.getParent().setSelection(h.item);
        h.ensureCreated();
        return true;
    }

    private void rememberLayout() {
        prefs.put(Preferences.ACTIVE_RULE_SET, openSession.ruleSetChoice());
        Rectangle b = shell.getBounds();
        prefs.putInts("shell.bounds", new int[]{b.x, b.y, b.width, b.height});
        prefs.putInts("sash.main", mainSash.getWeights());
        prefs.putInts("sash.right", rightSash.getWeights());
        for (Map.Entry<String, CTabFolder> e : folders.entrySet()) {
            CTabItem selected = e.getValue().getSelection();
            if (selected != null && selected.getData() instanceof ViewHolder h) {
                prefs.put(CATEGORY_KEY + e.getKey(), h.id);
            }
        }
        try {
            prefs.save();
        } catch (IOException e) {
            err.println("mixbench: cannot save preferences to " + prefs.file() + ": " + e.getMessage());
        }
    }

    void shutdown() {
        if (!display.isDisposed()) {
            display.removeFilter(SWT.KeyDown, escape);
        }
        openSession.removeListener(events);
        openSession.close();
        for (ViewHolder h : List.copyOf(holders)) {
            h.dispose();
        }
        holders.clear();
    }

    /** Saves a PNG of the window as it is on screen. */
    void screenshot(Path file) {
        display.update();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[]{image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** One view's tab: created from the service properties; the view itself is created when first shown. */
    final class ViewHolder {
        final ServiceReference<ViewContribution> ref;
        final String id;
        final String name;
        final String category;
        final CTabItem item;
        private Image icon;
        private ServiceObjects<ViewContribution> objects;
        private ViewContribution service;
        Composite parent;
        Control control;
        Site site;

        ViewHolder(ServiceReference<ViewContribution> ref) {
            this.ref = ref;
            this.id = String.valueOf(ref.getProperty(ViewContribution.ID));
            this.name = ref.getProperty(ViewContribution.NAME) instanceof String n ? n : id;
            String c = ref.getProperty(ViewContribution.CATEGORY) instanceof String s ? s : "";
            this.category = folders.containsKey(c) ? c : ViewContribution.CATEGORY_DETAIL;
            item = new CTabItem(folders.get(category), SWT.NONE);
            item.setText(name);
            item.setData(this);
            icon = loadIcon(ref);
            if (icon != null) {
                item.setImage(icon);
            }
        }

        private Image loadIcon(ServiceReference<?> r) {
            if (!(r.getProperty(ViewContribution.ICON) instanceof String path) || r.getBundle() == null) {
                return null;
            }
            URL url = r.getBundle().getEntry(path);
            if (url == null) {
                return null;
            }
            try (InputStream in = url.openStream()) {
                return new Image(display, in);
            } catch (IOException | RuntimeException e) {
                err.println("mixbench: view " + id + ": cannot load icon " + path + ": " + e.getMessage());
                return null;
            }
        }

        boolean created() {
            return control != null && !control.isDisposed();
        }

        void ensureCreated() {
            if (parent != null) {
                return;
            }
            parent = new Composite(item.getParent(), SWT.NONE);
            parent.setLayout(new FillLayout());
            item.setControl(parent);
            site = new Site(this);
            try {
                objects = wb.bundleContext.getServiceObjects(ref);
                service = objects == null ? null : objects.getService();
                if (service == null) {
                    throw new IllegalStateException("the service is gone");
                }
                control = service.createView(parent, site);
                Site own = site;
                control.addListener(SWT.Dispose, e -> own.listeners.clear());
            } catch (RuntimeException | LinkageError e) {
                err.println("mixbench: view " + id + " cannot be created: " + e);
                for (Control c : parent.getChildren()) {
                    c.dispose();
                }
                Label broken = new Label(parent, SWT.WRAP);
                broken.setText("This view failed: " + e);
                control = broken;
            }
            parent.layout(true, true);
        }

        void dispose() {
            if (site != null) {
                site.listeners.clear();
            }
            if (parent != null && !parent.isDisposed()) {
                parent.dispose();
            }
            if (!item.isDisposed()) {
                item.dispose();
            }
            if (icon != null) {
                icon.dispose();
                icon = null;
            }
            if (service != null) {
                try {
                    objects.ungetService(service);
                } catch (RuntimeException e) {
                    // The service's bundle has already stopped; the framework released it.
                }
                service = null;
            }
        }

        /** What the view says it shows ({@link ViewContribution#STATE_DATA}), or an empty map. */
        Map<String, Object> state() {
            if (created() && control.getData(ViewContribution.STATE_DATA) instanceof Map<?, ?> m) {
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                return copy;
            }
            return Map.of();
        }
    }

    /** The workbench as one view sees it. */
    final class Site implements ViewSite {
        final ViewHolder holder;
        final List<WorkbenchListener> listeners = new ArrayList<>();

        Site(ViewHolder holder) {
            this.holder = holder;
        }

        @Override
        public String viewId() {
            return holder.id;
        }

        @Override
        public Display display() {
            return display;
        }

        @Override
        public Shell shell() {
            return shell;
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public AnalysisResult result() {
            return result;
        }

        @Override
        public Selection selection() {
            return selection;
        }

        @Override
        public void setSelection(Selection s) {
            Window.this.setSelection(s);
        }

        @Override
        public void updateSession(Session s) {
            openSession.update(s);
        }

        @Override
        public void analyse() {
            Window.this.analyse();
        }

        @Override
        public void setStatus(String message) {
            Window.this.setStatus(message);
        }

        @Override
        public void addFiles(List<Path> paths) {
            Window.this.addFiles(paths);
        }

        @Override
        public Workspace workspace() {
            return workspace;
        }

        @Override
        public OpenSession openSession() {
            return openSession;
        }

        @Override
        public void showError(String message) {
            error(message);
        }

        @Override
        public ViewTask startTask(String description) {
            return Window.this.startTask(description);
        }

        @Override
        public void openWindow(Path path) {
            Window.this.openWindow(path);
        }

        @Override
        public void addListener(WorkbenchListener listener) {
            listeners.add(Objects.requireNonNull(listener));
        }

        @Override
        public void removeListener(WorkbenchListener listener) {
            listeners.remove(listener);
        }
    }
}
