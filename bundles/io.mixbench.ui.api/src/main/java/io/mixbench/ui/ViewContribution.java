package io.mixbench.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A view of the workbench, registered as an OSGi service. The workbench lists views from their service
 * properties alone ({@link #ID}, {@link #NAME}, {@link #CATEGORY}, {@link #ICON}) and obtains the service only
 * when it shows the view, so a bundle with many views costs nothing until they are opened.
 * <p>
 * <b>Lifecycle.</b> For each time the view is shown the workbench:
 * <ol>
 * <li>gets the service (a prototype-scoped service gives each view its own instance);</li>
 * <li>calls {@link #createView} once, on the UI thread, with a fresh parent and a fresh {@link ViewSite};</li>
 * <li>calls the site's listeners on the UI thread as the session, result and selection change;</li>
 * <li>disposes the returned control (and the parent) when the view is closed, when the service goes away (its
 * bundle stops or is uninstalled) or when the workbench closes; the site's listeners are removed first, and
 * the service is released after the control is disposed.</li>
 * </ol>
 * The workbench may never call {@link #createView} (the view is never shown), so a contribution must not rely on
 * it for anything but its UI. There is no dispose method: free SWT resources (colours, fonts, images, GCs) the
 * view creates in a dispose listener of its own control. System colours and fonts are not disposed.
 * <p>
 * <b>Threading.</b> {@link #createView} and every site listener run on the UI thread. The session and results are
 * immutable and may be read on any thread; long work (decoding, computing) must run elsewhere and return to the
 * UI with {@code site.display().asyncExec}, checking {@code control.isDisposed()} there: the view may have been
 * closed meanwhile. Never block the UI thread on analysis.
 * <p>
 * <b>What the view shows, for tools.</b> A view may describe what it currently shows by putting a
 * {@code Map<String, Object>} of simple values (strings, numbers, booleans, lists of them) on its control with
 * {@code control.setData(}{@link #STATE_DATA}{@code , map)}, e.g. the selected row of a table or the time range a
 * graph shows: a description in words for tools that cannot read pixels, assistive or automated. Keep it up to date
 * as the view changes.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ViewContribution {

    /** Service property: the view's stable id, e.g. {@code "io.mixbench.findings"}. Type: String. Required. */
    String ID = "view.id";

    /** Service property: the view's name as its tab shows it, e.g. "Findings". Type: String. Default: the id. */
    String NAME = "view.name";

    /**
     * Service property: where the workbench places the view. One of {@link #CATEGORY_SESSION},
     * {@link #CATEGORY_ANALYSIS}, {@link #CATEGORY_DETAIL}; anything else goes with the detail views. Type: String.
     */
    String CATEGORY = "view.category";

    /**
     * Service property: a 16x16 PNG icon, as a resource path in the contributing bundle, e.g.
     * {@code "icons/view.png"}. Optional. Type: String.
     */
    String ICON = "view.icon";

    /** Category of views about the session itself (tracks, rule sets, plug-ins): the left-hand folder. */
    String CATEGORY_SESSION = "session";

    /** Category of the analysis overview (findings, reports): the upper right folder. */
    String CATEGORY_ANALYSIS = "analysis";

    /** Category of detail views (meters, timeline, spectrum): the lower right folder. The default. */
    String CATEGORY_DETAIL = "detail";

    /** Key of the control data in which a view describes what it shows, for tools (see the class comment). */
    String STATE_DATA = "io.mixbench.ui.state";

    /**
     * Creates the view's controls. Called on the UI thread, at most once per site.
     *
     * @param parent the composite to create the controls in (it has a fill layout); owned by the workbench
     * @param site the view's connection to the workbench; valid until the returned control is disposed
     * @return the view's top control, a child of {@code parent}; the workbench disposes it
     */
    Control createView(Composite parent, ViewSite site);
}
