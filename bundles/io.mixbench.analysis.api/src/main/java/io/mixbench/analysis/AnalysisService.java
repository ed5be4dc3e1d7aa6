package io.mixbench.analysis;

import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.MeasuredTrack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/** Analyses sessions. An OSGi service; thread-safe: several analyses may run at once. */
@org.osgi.annotation.versioning.ProviderType
public interface AnalysisService {

    /** Starts an analysis on the service's threads and returns at once. */
    AnalysisJob submit(AnalysisRequest request, AnalysisListener listener);

    /**
     * Judges measurements again without measuring anything: the installed rules (a snapshot taken now), with the
     * analysis's session, rule set and deliverable, evaluated on {@code tracks} and {@code groups} instead of what was
     * measured, as an analysis runs them (each in isolation, within the time limit). For what-if questions, e.g. a
     * planner asking what the rules say of the measurements its moves predict.
     *
     * @param measured the analysis whose session, rule set and deliverable are used
     * @param tracks the measured tracks to judge, one per usable track of the session
     * @param groups the cross-track measurements to judge
     * @param ruleTimeLimit how long one rule may take before it is reported as a rule error
     * @return a result with {@code tracks}, {@code groups} and the rules' findings only (no decode or plug-in
     *         findings), most severe first
     * @since 1.3
     */
    AnalysisResult judge(AnalysisResult measured, List<MeasuredTrack> tracks, List<GroupMeasurement> groups,
            Duration ruleTimeLimit);

    /** Runs an analysis and waits for it. */
    default AnalysisResult analyze(AnalysisRequest request, AnalysisListener listener) throws InterruptedException {
        AnalysisJob job = submit(request, listener);
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw e;
        }
    }
}
