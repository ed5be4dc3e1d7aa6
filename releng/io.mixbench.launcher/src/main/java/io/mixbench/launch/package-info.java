/**
 * The contract between the launcher and the bundles it starts. The launcher puts this package on the
 * framework's class path and exports it from the system bundle; a bundle that provides a command registers an
 * {@link io.mixbench.launch.Application} service, and the launcher's main thread calls it. The launcher registers
 * {@link io.mixbench.launch.LaunchContext} and {@link io.mixbench.launch.PluginHost} services.
 */
@org.osgi.annotation.bundle.Export
@Version("1.2.0")
package io.mixbench.launch;

import org.osgi.annotation.versioning.Version;
