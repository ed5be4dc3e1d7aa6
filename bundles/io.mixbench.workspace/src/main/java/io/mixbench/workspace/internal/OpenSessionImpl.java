package io.mixbench.workspace.internal;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.Deliverable;
import io.mixbench.session.Session;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.OpenSessionListener;
import io.mixbench.workspace.WorkspaceListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An {@link OpenSession}. State changes happen under this object's lock; the events they cause are queued, in that
 * order, to one daemon thread that calls the listeners, so no listener runs under the lock or on a caller's thread.
 */
final class OpenSessionImpl implements OpenSession {

    /** Rules of one bundle arrive together: the re-analysis waits this long for them to settle. */
    static final long RERUN_DELAY_MILLIS = 300;

    private final WorkspaceService workspace;
    private final Consumer<OpenSessionImpl> onClose;
    private final List<OpenSessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService events;
    private final WorkspaceListener rulesListener = new WorkspaceListener() {
        @Override
        public void rulesChanged() {
            OpenSessionImpl.this.rulesChanged();
        }
    };

    private Settings settings;
    private Session session;
    private AnalysisResult result;
    private String lastError;
    private String ruleSetChoice;
    private Deliverable deliverable;
    private AnalysisJob job;
    /** Numbers analyses, so a late result or progress of a superseded or cancelled one is dropped. */
    private long seq;
    private boolean rerunPending;
    private boolean closed;

    OpenSessionImpl(WorkspaceService workspace, Settings settings, Consumer<OpenSessionImpl> onClose) {
        this.workspace = workspace;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onClose = onClose;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mixbench-open-session-events");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.events = executor;
        workspace.addListener(rulesListener);
    }

    private void fire(Consumer<OpenSessionListener> event) {
        try {
            events.execute(() -> {
                for (OpenSessionListener l : listeners) {
                    try {
                        event.accept(l);
                    } catch (RuntimeException e) {
                        // A broken listener (a plug-in's view) must not keep the others from hearing it.
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: nobody listens any more.
        }
    }

    /**
     * Runs {@code task} on the event thread after the events of every state change so far have been delivered
     * (under the lock: a change in progress queues its events first).
     */
    synchronized void runAfterEvents(Runnable task) {
        events.execute(task);
    }

    @Override
    public synchronized Session session() {
        return session;
    }

    @Override
    public synchronized AnalysisResult result() {
        return result;
    }

    @Override
    public synchronized boolean analysing() {
        return job != null;
    }

    @Override
    public synchronized String lastError() {
        return lastError;
    }

    @Override
    public Session open(List<Path> inputs) throws IOException {
        List<Path> absolute = new ArrayList<>();
        for (Path p : inputs) {
            absolute.add(p.toAbsolutePath().normalize());
        }
        Session opened = workspace.open(absolute);
        synchronized (this) {
            replace(opened, true);
            if (settings.analyseOnOpen()) {
                analyse();
            }
        }
        return opened;
    }

    /** Must hold the lock. */
    private void replace(Session next, boolean fresh) {
        stopJob();
        session = next;
        fire(l -> l.sessionChanged(next));
        if (fresh) {
            setResult(null);
        }
    }

    private void setResult(AnalysisResult r) {
        result = r;
        fire(l -> l.resultChanged(r));
    }

    @Override
    public int addFiles(List<Path> paths) throws IOException {
        Session current = session();
        if (paths.size() == 1
                && (Sessions.isSessionFile(paths.get(0)) || current == null && Files.isDirectory(paths.get(0)))) {
            open(paths);
            return 0;
        }
        Session next = workspace.addFiles(current, paths);
        if (next == current) {
            return 0;
        }
        synchronized (this) {
            boolean fresh = session == null;
            int before = session == null ? 0 : session.tracks().size();
            replace(next, fresh);
            if (!fresh || settings.analyseOnOpen()) {
                analyse();
            }
            return next.tracks().size() - before;
        }
    }

    @Override
    public synchronized void update(Session edited) {
        if (session == null || edited == null) {
            return;
        }
        replace(edited, false);
        analyse();
    }

    @Override
    public void save(Path target) throws IOException {
        Session current = session();
        if (current == null) {
            throw new IOException("no session to save");
        }
        Session saved = workspace.save(current, target);
        synchronized (this) {
            if (session == current) {
                session = saved;
                fire(l -> l.sessionChanged(saved));
            }
        }
    }

    @Override
    public synchronized void closeSession() {
        stopJob();
        rerunPending = false;
        session = null;
        fire(l -> l.sessionChanged(null));
        setResult(null);
    }

    @Override
    public synchronized String ruleSetChoice() {
        return ruleSetChoice;
    }

    @Override
    public synchronized void chooseRuleSet(String choice) {
        ruleSetChoice = choice == null || choice.isBlank() ? null : choice;
        if (session != null) {
            analyse();
        }
    }

    @Override
    public synchronized String ruleSetId() {
        if (ruleSetChoice != null) {
            return ruleSetChoice;
        }
        return session != null && session.ruleSet() != null ? session.ruleSet() : RuleSetRegistry.DEFAULT_ID;
    }

    @Override
    public synchronized void chooseDeliverable(Deliverable choice) {
        deliverable = choice;
    }

    @Override
    public synchronized void configure(Settings next) {
        settings = Objects.requireNonNull(next, "settings");
    }

    @Override
    public synchronized CompletableFuture<AnalysisResult> analyse() {
        if (closed || session == null || session.tracks().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    closed ? "the open session is closed" : "no session with tracks is open"));
        }
        stopJob();
        RuleSet ruleSet;
        try {
            ruleSet = workspace.resolveRuleSet(ruleSetChoice, session);
        } catch (IOException | RuntimeException e) {
            String message = "Rule set: " + e.getMessage();
            lastError = message;
            fire(l -> l.analysisFailed(message));
            return CompletableFuture.failedFuture(e);
        }
        long mine = ++seq;
        int tracks = session.tracks().size();
        fire(l -> l.analysisStarted(tracks, ruleSet.id()));
        AnalysisListener progress = new AnalysisListener() {
            private int shownPermille = -1;

            @Override
            public void progress(double fraction, String message) {
                int permille = (int) Math.round(fraction * 1000);
                synchronized (OpenSessionImpl.this) {
                    // Only visible changes: the engine may report every block.
                    if (mine != seq || permille / 5 == shownPermille / 5) {
                        return;
                    }
                    shownPermille = permille;
                    fire(l -> l.progress(permille / 1000.0, message));
                }
            }
        };
        AnalysisJob started = workspace.analyse(new AnalysisRequest(session, ruleSet, settings.ruleTimeLimit(),
                settings.useCache(), deliverable), progress);
        job = started;
        CompletableFuture<AnalysisResult> shown = new CompletableFuture<>();
        started.result().whenComplete((r, failure) -> finished(mine, r, failure, shown));
        return shown;
    }

    /** An analysis ended; {@code shown} completes with its result only when the result is shown. */
    private synchronized void finished(long mine, AnalysisResult r, Throwable failure,
            CompletableFuture<AnalysisResult> shown) {
        if (mine != seq) {
            // Superseded or cancelled, also when the engine had finished first: never shown.
            shown.completeExceptionally(new CancellationException("superseded or cancelled"));
            return;
        }
        job = null;
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (r != null) {
            lastError = null;
            setResult(r);
            shown.complete(r);
            if (rerunPending) {
                rerunPending = false;
                analyse();
            }
        } else if (cause instanceof CancellationException) {
            fire(OpenSessionListener::analysisCancelled);
            shown.completeExceptionally(cause);
        } else {
            String message = "Analysis failed: " + cause;
            lastError = message;
            fire(l -> l.analysisFailed(message));
            shown.completeExceptionally(cause);
        }
    }

    @Override
    public synchronized void cancel() {
        if (job != null) {
            stopJob();
            fire(OpenSessionListener::analysisCancelled);
        }
    }

    /** Cancels the running analysis so that nothing of it shows. Must hold the lock. */
    private void stopJob() {
        AnalysisJob running = job;
        job = null;
        if (running != null) {
            seq++;
            running.cancel();
        }
    }

    /** Rules came or went: analyse again once they have settled, after the running analysis if there is one. */
    private synchronized void rulesChanged() {
        if (session == null || closed || rerunPending) {
            return;
        }
        rerunPending = true;
        events.schedule(() -> {
            synchronized (this) {
                if (rerunPending && job == null && session != null && !closed) {
                    rerunPending = false;
                    analyse();
                }
            }
        }, RERUN_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void addListener(OpenSessionListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(OpenSessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopJob();
            rerunPending = false;
        }
        workspace.removeListener(rulesListener);
        onClose.accept(this);
        events.shutdown();
    }
}
