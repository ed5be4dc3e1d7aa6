/**
 * The application: what a front end (the CLI, the workbench, a script) does with Mixbench, written once. The
 * {@link io.mixbench.workspace.Workspace} service opens inputs as sessions, resolves and writes rule sets,
 * analyses, writes reports atomically and manages plug-ins; an {@link io.mixbench.workspace.OpenSession} is a
 * session a front end keeps open, with its latest result and the analysis that supersedes it. Front ends map
 * their gestures (options, menus, views) onto these and never reach a rule, a meter or the engine directly.
 */
@Export
@Version("1.1.0")
package io.mixbench.workspace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
