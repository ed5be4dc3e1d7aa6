/**
 * What plug-in code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}: the
 * launcher's weaving hook rewrites those calls in plug-in bundles to {@link io.mixbench.launch.guard.ExitGuard},
 * and the system bundle exports this package to them. Not an API to compile against.
 */
@Version("1.0.0")
package io.mixbench.launch.guard;

import org.osgi.annotation.versioning.Version;
