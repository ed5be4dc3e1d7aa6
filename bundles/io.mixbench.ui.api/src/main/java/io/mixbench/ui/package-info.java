/**
 * Workbench views as services: a bundle adds a view to the running workbench by registering a
 * {@link io.mixbench.ui.ViewContribution}; the workbench gives each view a {@link io.mixbench.ui.ViewSite} with the
 * open session, the latest analysis result and the shared {@link io.mixbench.ui.Selection}.
 */
@Export
@Version("1.0.0")
package io.mixbench.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
