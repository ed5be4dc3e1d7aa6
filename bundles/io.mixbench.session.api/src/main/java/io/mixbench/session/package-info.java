/**
 * Sessions: the files a user hands Mixbench (stems or raw tracks, the stereo mix, references), each with a
 * {@link io.mixbench.session.Role}, and the session's settings. A {@link io.mixbench.session.SessionStore}
 * service opens folders and session files and writes session files.
 */
@Export
@Version("1.2.0")
package io.mixbench.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
