package io.mixbench.analysis;

import java.util.concurrent.CompletableFuture;

/** A running analysis. */
@org.osgi.annotation.versioning.ProviderType
public interface AnalysisJob {

    /** Completes with the result, or exceptionally with {@link java.util.concurrent.CancellationException}. */
    CompletableFuture<AnalysisResult> result();

    /** Stops decoding and rule evaluation as soon as possible; the result completes as cancelled. */
    void cancel();
}
