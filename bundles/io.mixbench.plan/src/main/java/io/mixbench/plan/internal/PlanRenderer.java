package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.audio.AudioFiles;
import io.mixbench.plan.Plan;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.RenderedSession;
import io.mixbench.session.SessionStore;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Renders a plan: the moved stems and their sum, in one streaming pass. */
final class PlanRenderer {

    private final AudioFiles audioFiles;
    private final SessionStore sessions;

    PlanRenderer(AudioFiles audioFiles, SessionStore sessions) {
        this.audioFiles = audioFiles;
        this.sessions = sessions;
    }

    RenderedSession render(Plan plan, AnalysisResult result, RenderRequest request, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        throw new UnsupportedOperationException("being written");
    }
}
