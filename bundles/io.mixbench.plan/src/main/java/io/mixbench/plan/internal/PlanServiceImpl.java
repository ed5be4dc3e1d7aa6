package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AnalysisService;
import io.mixbench.audio.AudioFiles;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.PlanService;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.RenderedSession;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.session.SessionStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plan service: the planner over the analysis service's rules, and the renderer over the installed decoders. */
@Component(service = PlanService.class)
public final class PlanServiceImpl implements PlanService {

    private final AnalysisService analysis;
    private final AudioFiles audioFiles;
    private final SessionStore sessions;

    @Activate
    public PlanServiceImpl(@Reference AnalysisService analysis, @Reference AudioFiles audioFiles,
            @Reference SessionStore sessions) {
        this.analysis = analysis;
        this.audioFiles = audioFiles;
        this.sessions = sessions;
    }

    @Override
    public Plan plan(PlanRequest request) {
        return new Planner(analysis).plan(request);
    }

    @Override
    public RenderedSession render(Plan plan, AnalysisResult result, RenderRequest request, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        return new PlanRenderer(audioFiles, sessions).render(plan, result, request, progress, cancelled);
    }

    @Override
    public void export(VerifiedPlan plan, PlanFormat format, OutputStream out) throws IOException {
        PlanExports.write(plan, format, out);
    }
}
