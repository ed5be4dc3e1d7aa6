package io.mixbench.launch;

import java.util.List;
import org.osgi.framework.Bundle;

/**
 * The launcher's view of the plug-ins of this run, registered as a service. Plug-ins are bundles not installed
 * from the product's own {@code bundles/} folder.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PluginHost {

    /** Whether the bundle is a plug-in: not the system bundle and not installed from the product's bundles. */
    boolean isPlugin(Bundle bundle);

    /**
     * Starts a plug-in bundle on a daemon thread of its own and waits at most the plug-in start time limit. An
     * activator that throws, tries to end the process or does not return in time is recorded as a problem (a
     * bundle still starting is left: a thread cannot be killed) and the caller goes on.
     *
     * @return null when the bundle started (or is a fragment), else the problem, also added to {@link #problems()}
     */
    PluginProblem start(Bundle bundle);

    /** The problems of this run so far, in the order they happened. */
    List<PluginProblem> problems();
}
