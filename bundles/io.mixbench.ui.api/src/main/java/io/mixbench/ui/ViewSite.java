package io.mixbench.ui;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.session.Session;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A view's connection to the workbench, given to {@link ViewContribution#createView}. Call its methods on the UI
 * thread only (except {@link #display()}). It stays valid until the view's control is disposed; listeners added
 * through it are removed then, by the workbench.
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

    /** Adds a listener; it is removed when the view's control is disposed, or by {@link #removeListener}. */
    void addListener(WorkbenchListener listener);

    void removeListener(WorkbenchListener listener);
}
