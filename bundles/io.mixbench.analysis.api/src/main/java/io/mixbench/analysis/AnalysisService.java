package io.mixbench.analysis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/** Analyses sessions. An OSGi service; thread-safe: several analyses may run at once. */
@org.osgi.annotation.versioning.ProviderType
public interface AnalysisService {

    /** Starts an analysis on the service's threads and returns at once. */
    AnalysisJob submit(AnalysisRequest request, AnalysisListener listener);

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
