/**
 * Files Mixbench writes for users (reports, sessions, rule sets, rendered audio, caches, plug-in copies): one
 * helper, {@link io.mixbench.files.AtomicFiles}, so that a crash never leaves half a file under its name.
 */
@Export
@Version("1.0.0")
package io.mixbench.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
