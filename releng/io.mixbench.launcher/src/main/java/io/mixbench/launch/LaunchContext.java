package io.mixbench.launch;

import java.nio.file.Path;

/**
 * Facts about the running product, registered by the launcher as a service for bundles that need them.
 *
 * @param home the product's home folder (holds {@code bin/}, {@code bundles/}, {@code plugins/})
 * @param pluginsDir the drop-in folder for third-party bundles
 * @param workingDir the user's working directory, against which relative paths on the command line resolve
 * @param version the product version
 */
public record LaunchContext(Path home, Path pluginsDir, Path workingDir, String version) {
}
