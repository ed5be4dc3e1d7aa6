/**
 * The analysis service, the one entry point front ends use: a session and a rule set go in; every track's
 * measurements and every rule's findings come out as an {@link io.mixbench.analysis.AnalysisResult}. Each
 * file is decoded once and fed through every meter in one streaming pass; tracks are analysed in parallel;
 * progress is reported and a job can be cancelled. {@link io.mixbench.analysis.Moves} groups the findings by the
 * move they ask for, so every report and front end says each move once.
 */
@Export
@Version("1.3.0")
package io.mixbench.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
