/**
 * Workbench views as services: a bundle adds a view to the running workbench by registering a
 * {@link io.mixbench.ui.ViewContribution}; the workbench gives each view a {@link io.mixbench.ui.ViewSite} with the
 * open session, the latest analysis result, the shared {@link io.mixbench.ui.Selection} and the application layer
 * ({@code io.mixbench.workspace}).
 */
@Export
@Version("1.2.0")
package io.mixbench.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
