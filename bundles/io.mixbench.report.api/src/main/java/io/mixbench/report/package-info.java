/**
 * Reports: a {@link io.mixbench.report.ReportRenderer} service writes an
 * {@link io.mixbench.analysis.AnalysisResult} in one format (text, JSON, ...). Front ends pick a renderer by
 * its {@link io.mixbench.report.ReportRenderer#FORMAT} service property.
 */
@Export
@Version("1.2.0")
package io.mixbench.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
