package io.mixbench.plan;

import io.mixbench.analysis.AnalysisResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Plans a session's moves and renders them. An OSGi service; thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PlanService {

    /**
     * Finds one set of moves that brings every level and stereo finding of the analysis inside its target with the
     * least movement, re-evaluating the installed rules (third-party ones too) on the measurements the moves predict.
     * Never throws for a rule that fails: its findings are left out of the prediction, and the plan says so.
     */
    Plan plan(PlanRequest request);

    /**
     * Applies the plan to the session's parts in one streaming pass and writes the moved stems, their sum (the new
     * mix) and a session file of them into the request's folder, each file atomically. The session's own files are
     * only read.
     *
     * @param analysis the analysis the plan was made from (its session's files are rendered)
     * @param progress hears the share done, 0..1
     * @param cancelled polled between blocks; when it says true the render stops with a
     *        {@link java.util.concurrent.CancellationException} and leaves no partial file behind
     * @throws IOException naming the file when a part cannot be read or the folder cannot be written
     */
    RenderedSession render(Plan plan, AnalysisResult analysis, RenderRequest request, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException;

    /**
     * Writes the plan (with its proof when rendered) in a format.
     *
     * @throws IOException when writing fails
     */
    void export(VerifiedPlan plan, PlanFormat format, OutputStream out) throws IOException;
}
