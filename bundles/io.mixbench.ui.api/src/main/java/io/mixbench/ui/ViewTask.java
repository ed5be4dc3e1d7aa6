package io.mixbench.ui;

/**
 * A view's long task shown in the window's status bar as an analysis is: its progress bar, its status line and its
 * Cancel button (and Esc), from {@link ViewSite#startTask}. Its methods may be called on any thread.
 *
 * @since 1.2
 */
@org.osgi.annotation.versioning.ProviderType
public interface ViewTask {

    /**
     * How the task goes.
     *
     * @param fraction the share done, 0..1
     * @param message what is being done, for the status line
     */
    void progress(double fraction, String message);

    /** Whether the user cancelled the task (the window's Cancel button or Esc); the task polls it and stops. */
    boolean cancelled();

    /**
     * The task ended, whether done, failed or cancelled; the window's Cancel button goes back to the analysis.
     * Calling it again does nothing.
     *
     * @param message what came of it, for the status line
     */
    void done(String message);
}
