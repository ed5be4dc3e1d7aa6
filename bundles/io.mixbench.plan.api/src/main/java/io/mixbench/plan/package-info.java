/**
 * The balance plan: from a session's analysis and its rule set, one set of moves (fader, common and bus gains,
 * rides, pans, low-end fixes) that puts every level and stereo rule inside its target, rendered into new stems and
 * a new mix and verified by analysing them. {@link io.mixbench.plan.PlanService} plans and renders; a
 * {@link io.mixbench.plan.Plan} is data a report or a view shows and the renderer applies.
 */
@Export
@Version("1.0.0")
package io.mixbench.plan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
