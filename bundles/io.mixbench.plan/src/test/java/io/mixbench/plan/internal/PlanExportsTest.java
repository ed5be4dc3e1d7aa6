package io.mixbench.plan.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each format goes to its own writer (the writers are tested in the export package). */
class PlanExportsTest {

    private static String export(PlanFormat format) throws IOException {
        Session session = new Session(Path.of("/sessions/Song"), List.of(), ExportKind.STEMS, PanLaw.MINUS_3_DB, null,
                Map.of());
        AnalysisResult before = new AnalysisResult(session, null, List.of(), List.of(), List.of(), Instant.EPOCH,
                Duration.ZERO, Map.of());
        Plan plan = new Plan("default", List.of(), List.of(), 0, 0, List.of(), List.of(), Set.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanExports.write(VerifiedPlan.unrendered(plan, before), format, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachFormatGoesToItsWriter() throws IOException {
        assertTrue(export(PlanFormat.JSON).contains("\"mixbench-plan\""));
        assertTrue(export(PlanFormat.CSV).startsWith("order,id,kind,track,"));
        assertTrue(export(PlanFormat.RIDES_CSV).startsWith("track,seconds,samples,gainDb,totalGainDb"));
        assertTrue(export(PlanFormat.RIDES_JSON).contains("\"mixbench-rides\""));
        assertTrue(export(PlanFormat.MIDI).startsWith("MThd"));
    }
}
