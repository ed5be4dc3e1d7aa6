package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * The workbench window and its model: the open session, the latest result, the shared selection and the views.
 * Everything here runs on the UI thread except {@link #async}; analyses run on the analysis service's threads and
 * come back through {@link #async}.
 */
final class Window {

    static final String CATEGORY_KEY = "tab.";

    final Workbench wb;
    private final Display display;
    final Preferences prefs;
    final PrintStream err;
    private Shell shell;
    private SashForm mainSash;
    private SashForm rightSash;
    private final Map<String, CTabFolder> folders = new LinkedHashMap<>();
    final List<ViewHolder> holders = new ArrayList<>();
    private Label status;
    private ProgressBar progress;
    private Button cancel;

    private Session session;
    private AnalysisResult result;
    private Selection selection = Selection.EMPTY;
    private AnalysisJob job;
    /** Numbers analyses, so a late result of a superseded one is dropped. */
    private long analysisSeq;
    private long doneSeq;
    private boolean rerunPending;
    String lastAnalysisError;

    long windowOpenedAt;
    volatile long firstFindingsAt;
    int exitCode;

    Window(Workbench wb, Display display, Preferences prefs, PrintStream err) {
        this.wb = wb;
        this.display = display;
        this.prefs = prefs;
        this.err = err;
    }

    Display display() {
        return display;
    }

    Shell shell() {
        return shell;
    }

    Session session() {
        return session;
    }

    AnalysisResult result() {
        return result;
    }

    Selection selection() {
        return selection;
    }

    boolean analysing() {
        return job != null;
    }

    long analysisSeq() {
        return analysisSeq;
    }

    long doneSeq() {
        return doneSeq;
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
        if (bounds != null && bounds[2] >= 400 && bounds[3] >= 300) {
            shell.setBounds(bounds[0], bounds[1], bounds[2], bounds[3]);
        } else {
            shell.setSize(1280, 780);
        }
        shell.addListener(SWT.Close, e -> rememberLayout());
        display.addFilter(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC && job != null && !shell.isDisposed() && shell.isVisible()) {
                cancelAnalysis();
            }
        });
        DropTarget drop = new DropTarget(shell, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[]{FileTransfer.getInstance()});
        drop.addDropListener(fileDrop());
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

    /** A drop listener that adds dropped files and folders to the session (or opens a dropped session file). */
    DropTargetAdapter fileDrop() {
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
                    addFiles(paths);
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
        cancel.setToolTipText("Cancel the analysis (Esc)");
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
        String sessions = patterns(List.of(SessionStore.SESSION_FILE_EXTENSION));
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
        String[][] filters = openFilters(wb.sessions.audioFileExtensions());
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

    // ---- the session

    /** Opens a session file or a folder of audio files, and analyses it. */
    void open(Path path) {
        try {
            Session opened = wb.sessions.open(path.toAbsolutePath().normalize());
            prefs.addRecent(opened.location().toString());
            setSession(opened, true);
            setStatus(opened.tracks().size() + " tracks in " + opened.location());
        } catch (IOException | RuntimeException e) {
            setStatus("Cannot open " + path + ": " + e.getMessage());
            err.println("mixbench: cannot open " + path + ": " + e.getMessage());
        }
    }

    void closeSession() {
        cancelJob();
        setSelection(Selection.EMPTY);
        session = null;
        setResult(null);
        fire(l -> l.sessionChanged(null));
        shell.setText("Mixbench");
        setStatus("Session closed.");
    }

    /** Replaces the session (new, or edited) and analyses it when wanted. */
    void setSession(Session newSession, boolean fresh) {
        cancelJob();
        if (fresh) {
            setSelection(Selection.EMPTY);
            setResult(null);
        }
        session = newSession;
        shell.setText("Mixbench - " + newSession.location().getFileName());
        fire(l -> l.sessionChanged(newSession));
        if (prefs.flag(Preferences.ANALYSE_ON_OPEN, true) || !fresh) {
            analyse();
        }
    }

    /** Adds audio files and folders' audio files to the session; a dropped session file is opened instead. */
    void addFiles(List<Path> paths) {
        if (paths.size() == 1 && (paths.get(0).toString().endsWith("." + SessionStore.SESSION_FILE_EXTENSION)
                || session == null && Files.isDirectory(paths.get(0)))) {
            open(paths.get(0));
            return;
        }
        try {
            List<Track> added = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    added.addAll(wb.sessions.open(p).tracks());
                } else {
                    files.add(p.toAbsolutePath());
                }
            }
            if (!files.isEmpty()) {
                added.addAll(wb.sessions.fromFiles(files).tracks());
            }
            if (added.isEmpty()) {
                setStatus("No audio files to add.");
                return;
            }
            List<Track> tracks = new ArrayList<>(session == null ? List.of() : session.tracks());
            Set<String> names = new HashSet<>();
            Set<Path> present = new HashSet<>();
            for (Track t : tracks) {
                names.add(t.name());
                present.add(t.file());
            }
            int count = 0;
            for (Track t : added) {
                if (!present.add(t.file())) {
                    continue;
                }
                String name = t.name();
                for (int n = 2; !names.add(name); n++) {
                    name = t.name() + " " + n;
                }
                tracks.add(new Track(name, t.file(), t.role(), t.group()));
                count++;
            }
            Session next = session != null
                    ? session.withTracks(tracks)
                    : new Session(paths.get(0).toAbsolutePath().getParent(), tracks, ExportKind.STEMS,
                            PanLaw.MINUS_3_DB, null, Map.of());
            setSession(next, session == null);
            setStatus("Added " + count + " file(s).");
        } catch (IOException | RuntimeException e) {
            setStatus("Cannot add: " + e.getMessage());
        }
    }

    void saveSession(boolean askForFile) {
        if (session == null) {
            setStatus("No session to save.");
            return;
        }
        Path target = session.location();
        String suffix = "." + SessionStore.SESSION_FILE_EXTENSION;
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
        saveSessionTo(target);
    }

    void saveSessionTo(Path target) {
        try {
            wb.sessions.save(session, target);
            session = new Session(target, session.tracks(), session.exportKind(), session.panLaw(),
                    session.ruleSet(), session.extra(), session.deliverable());
            prefs.addRecent(target.toString());
            shell.setText("Mixbench - " + target.getFileName());
            fire(l -> l.sessionChanged(session));
            setStatus("Saved " + target);
        } catch (IOException | RuntimeException e) {
            error("Cannot save " + target + ": " + e.getMessage());
        }
    }

    void error(String message) {
        setStatus(message);
        err.println("mixbench: " + message);
        if (System.getProperty(Robot.SCRIPT_PROPERTY) == null) {
            MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
            box.setMessage(message);
            box.open();
        }
    }

    // ---- analysis

    /** The rule set the next analysis uses: the editor's choice, else the session's, else the default. */
    String activeRuleSetId() {
        String chosen = prefs.get(Preferences.ACTIVE_RULE_SET, "");
        if (!chosen.isBlank()) {
            return chosen;
        }
        return session != null && session.ruleSet() != null ? session.ruleSet() : RuleSetRegistry.DEFAULT_ID;
    }

    void setActiveRuleSet(String id) {
        prefs.put(Preferences.ACTIVE_RULE_SET, id);
        analyse();
    }

    /** Starts an analysis of the open session, cancelling a running one. Returns at once. */
    void analyse() {
        if (session == null || session.tracks().isEmpty()) {
            return;
        }
        cancelJob();
        RuleSet ruleSet;
        Path location = session.location();
        try {
            ruleSet = wb.ruleSets.resolve(activeRuleSetId(),
                    Files.isDirectory(location) ? location : location.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            lastAnalysisError = e.getMessage();
            setStatus("Rule set: " + e.getMessage());
            return;
        }
        long seq = ++analysisSeq;
        progress.setSelection(0);
        cancel.setEnabled(true);
        setStatus("Analysing " + session.tracks().size() + " tracks with rule set '" + ruleSet.id() + "'...");
        AnalysisListener listener = new AnalysisListener() {
            private volatile int shown = -1;

            @Override
            public void progress(double fraction, String message) {
                int permille = (int) Math.round(fraction * 1000);
                // Post only visible changes: the listener may be called per block.
                if (permille / 5 != shown / 5) {
                    shown = permille;
                    async(() -> {
                        if (seq == analysisSeq && !progress.isDisposed()) {
                            progress.setSelection(permille);
                            setStatus(message);
                        }
                    });
                }
            }
        };
        AnalysisRequest request = new AnalysisRequest(session, ruleSet, AnalysisRequest.DEFAULT_RULE_TIME_LIMIT,
                prefs.flag(Preferences.USE_CACHE, true));
        AnalysisJob started = wb.analysis.submit(request, listener);
        job = started;
        started.result().whenComplete((r, failure) -> async(() -> finished(seq, started, r, failure)));
    }

    private void finished(long seq, AnalysisJob finishedJob, AnalysisResult r, Throwable failure) {
        if (seq != analysisSeq) {
            return;
        }
        job = null;
        doneSeq = seq;
        cancel.setEnabled(false);
        progress.setSelection(r != null ? 1000 : 0);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (r != null) {
            lastAnalysisError = null;
            setResult(r);
            setStatus(String.format(Locale.ROOT, "%d findings, worst %s (%.1f s, rule set '%s'). %s",
                    r.findings().size(), r.worstSeverity().id(), r.elapsed().toMillis() / 1000.0, r.ruleSet().id(),
                    r.deliverable().describe()));
            if (rerunPending) {
                rerunPending = false;
                analyse();
            }
        } else if (cause instanceof CancellationException) {
            setStatus("Analysis cancelled.");
        } else {
            lastAnalysisError = String.valueOf(cause);
            setStatus("Analysis failed: " + cause);
            err.println("mixbench: analysis failed: " + cause);
        }
    }

    void cancelAnalysis() {
        if (job != null) {
            cancelJob();
            doneSeq = analysisSeq;
            progress.setSelection(0);
            setStatus("Analysis cancelled.");
        }
    }

    private void cancelJob() {
        AnalysisJob running = job;
        job = null;
        if (running != null) {
            running.cancel();
            // A cancelled job's late result must not show: a new number supersedes it.
            analysisSeq++;
            doneSeq = analysisSeq;
        }
        if (cancel != null && !cancel.isDisposed()) {
            cancel.setEnabled(false);
        }
    }

    /** Rules were installed or removed: analyse again, after the running analysis if there is one. */
    void rulesChanged() {
        if (session == null) {
            return;
        }
        // Several rules of one bundle arrive together: wait a moment and analyse once.
        if (!rerunPending) {
            rerunPending = true;
            display.timerExec(300, () -> {
                if (rerunPending && !shell.isDisposed() && job == null) {
                    rerunPending = false;
                    analyse();
                }
            });
        }
    }

    private void setResult(AnalysisResult r) {
        result = r;
        fire(l -> l.resultChanged(r));
        if (r != null && firstFindingsAt == 0) {
            firstFindingsAt = System.currentTimeMillis();
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

    // ---- reports

    /** Renders the result in a format into a file, atomically, off the UI thread. */
    CompletableFuture<Path> exportReport(String format, Path file) {
        AnalysisResult r = result;
        ReportRenderer renderer = wb.renderersByFormat().get(format);
        if (r == null || renderer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    r == null ? "no analysis to export" : "no report format " + format));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".report-", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    renderer.render(r, ReportOptions.DEFAULT, out);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
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
        cancelJob();
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

        Window window() {
            return Window.this;
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
            if (session != null && s != null) {
                setSession(s, false);
            }
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
        public void addListener(WorkbenchListener listener) {
            listeners.add(Objects.requireNonNull(listener));
        }

        @Override
        public void removeListener(WorkbenchListener listener) {
            listeners.remove(listener);
        }
    }
}
