package io.mixbench.workspace.internal;

import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Waits until Declarative Services has processed the given bundles, so a plug-in's rules take part in the very
 * next analysis. A bundle that never resolves, or whose activator never returned, has no components and is not
 * waited for.
 */
final class PluginSettler {

    private PluginSettler() {
    }

    static void await(ServiceComponentRuntime scr, List<Bundle> bundles, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get("Service-Component") == null) {
                continue;
            }
            while (System.currentTimeMillis() < deadline) {
                int state = bundle.getState();
                if (state != Bundle.ACTIVE && state != Bundle.STARTING) {
                    break;
                }
                if (state == Bundle.STARTING && !lazy(bundle)) {
                    // Its activator has not returned within the launcher's time limit: it never gets components.
                    break;
                }
                if (state == Bundle.ACTIVE && !scr.getComponentDescriptionDTOs(bundle).isEmpty()) {
                    break;
                }
                Thread.sleep(10);
            }
        }
    }

    /** A lazily activated bundle is STARTING until first used; Declarative Services handles it meanwhile. */
    private static boolean lazy(Bundle bundle) {
        String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
    }
}
