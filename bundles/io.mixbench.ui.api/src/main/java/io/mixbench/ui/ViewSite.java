package io.mixbench.ui;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.session.Session;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A view's connection to the workbench, given to {@link ViewContribution#createView}. Call its methods on the UI
 * thread only (except {@link #display()}). It stays valid until the view's control is disposed; listeners added
 * through it are removed then, by the workbench.
 * <p>
 * Everything a standard view does goes through its site: the window's state ({@link #session()},
 * {@link #result()}, {@link #selection()}) as the UI thread has heard of it, the window's {@link #openSession()}
 * for what the application does with the session, and the {@link #workspace()} for the rest (rule sets, report
 * formats, plug-ins).
 */
@org.osgi.annotation.versioning.ProviderType
public interface ViewSite {

    /** The view's id, as in its {@link ViewContribution#ID} property. */
    String viewId();

    /** The workbench display; the one object of the site that may be used from any thread. */
    Display display();

    /** The workbench window, as parent of the view's dialogs. */
    Shell shell();

    /** The open session, or null. */
    Session session();

    /** The latest complete analysis of the open session, or null (none yet, running, or cancelled). */
    AnalysisResult result();

    /** The shared selection; {@link Selection#EMPTY} when nothing is selected. */
    Selection selection();

    /**
     * Selects tracks, a time range or a finding for every view. Listeners (including the caller's) hear it on this
     * thread before the method returns; setting an equal selection does nothing.
     */
    void setSelection(Selection selection);

    /**
     * Replaces the open session, e.g. after editing roles or adding files, and analyses it again. Does nothing
     * when no session is open.
     */
    void updateSession(Session session);

    /** Starts a new analysis of the open session with the active rule set, cancelling one that is running. */
    void analyse();

    /** Shows a short message in the workbench's status line. */
    void setStatus(String message);

    /**
     * Adds audio files and folders to the open session as a drop onto the window does: one session file (or a
     * folder while no session is open) is opened instead, and the status line says what happened.
     *
     * @since 1.1
     */
    void addFiles(List<Path> paths);

    /**
     * The application layer the workbench runs on: rule sets, report formats and export, plug-ins.
     *
     * @since 1.1
     */
    Workspace workspace();

    /**
     * The window's open session. Its listeners are called on its own thread, not the UI thread: a view that only
     * shows the window's state listens through {@link #addListener} instead.
     *
     * @since 1.1
     */
    OpenSession openSession();

    /**
     * Says a failure as the window does: in the status line and in a message box (which waits for the user).
     *
     * @param message one or two sentences naming the file and the problem
     * @since 1.2
     */
    void showError(String message);

    /**
     * Starts a long task of the view shown as an analysis is: the window's progress bar and status line follow it,
     * and its Cancel button (and Esc) cancel it until {@link ViewTask#done} is called. The view runs the work on a
     * thread of its own.
     *
     * @param description what the task does, for the status line
     * @since 1.2
     */
    ViewTask startTask(String description);

    /**
     * Opens a session file or folder in a new workbench window beside this one, with its own open session and
     * analysis, e.g. to compare a rendered session with the original. Failures are shown as {@link #showError} does.
     *
     * @since 1.2
     */
    void openWindow(Path session);

    /** Adds a listener; it is removed when the view's control is disposed, or by {@link #removeListener}. */
    void addListener(WorkbenchListener listener);

    void removeListener(WorkbenchListener listener);
}
