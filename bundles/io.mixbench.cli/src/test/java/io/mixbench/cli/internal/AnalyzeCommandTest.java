package io.mixbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixbench analyze}: options mapped onto the workspace, and the exit codes. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    final FakeWorkspace workspace = new FakeWorkspace();
    String out;
    String err;

    int run(String... args) {
        MixbenchCli cli = new MixbenchCli();
        cli.workspace = workspace;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.remove(0);
        int code = cli.run(command, rest, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void failOnTakesWarnOrProblemOnly() {
        assertEquals(ExitCodes.USAGE, run("analyze", dir.toString(), "--fail-on", "info"));
        assertTrue(err.contains("--fail-on must be warn or problem, not 'info'"), err);
        assertTrue(workspace.analysed.isEmpty());
    }

    @Test
    void anUnknownFormatNamesTheInstalledOnes() {
        assertEquals(ExitCodes.USAGE, run("analyze", dir.toString(), "--format", "pdf"));
        assertTrue(err.contains("unknown --format 'pdf'; installed formats: html, json, text"), err);
    }

    @Test
    void severalFormatsNeedOut() {
        assertEquals(ExitCodes.USAGE, run("analyze", dir.toString(), "--format", "text,json"));
        assertTrue(err.contains("several formats need --out"), err);
    }

    @Test
    void theReportGoesToStdoutAndTheExitCodeFollowsFailOn() {
        assertEquals(ExitCodes.OK, run("analyze", dir.toString(), "--quiet"));
        assertEquals("text report of " + dir.getFileName() + "\n", out);
        assertEquals(ExitCodes.FINDINGS, run("analyze", dir.toString(), "--quiet", "--fail-on", "warn"));
        workspace.worst = Severity.PROBLEM;
        assertEquals(ExitCodes.FINDINGS, run("analyze", dir.toString(), "--quiet"));
    }

    @Test
    void severalFormatsShareTheBaseOfOut() {
        Path mix = dir.resolve("mix.html");
        assertEquals(ExitCodes.OK, run("analyze", dir.toString(), "--quiet", "--format", "html,json", "--out",
                mix.toString()));
        assertEquals(List.of("html " + mix, "json " + dir.resolve("mix.json")), workspace.exported);
    }

    @Test
    void anExistingFolderAsOutGetsReportFiles() {
        assertEquals(ExitCodes.OK, run("analyze", dir.toString(), "--quiet", "--format", "json", "--out",
                dir.toString()));
        assertEquals(List.of("json " + dir.resolve("report.json")), workspace.exported);
    }

    @Test
    void aRuleSetThatDoesNotResolveIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("analyze", dir.toString(), "--rules", "nope"));
        assertTrue(err.contains("mixbench: no rule set 'nope'"), err);
    }

    @Test
    void eachInputIsASessionOfItsOwnAndOneBrokenInputDoesNotStopTheBatch() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("in").resolve("a"));
        Path reports = dir.resolve("reports");
        workspace.broken.add(b);
        int code = run("analyze", a.toString(), b.toString(), c.toString(), "--each", "--quiet", "--format", "json",
                "--out", reports.toString());
        assertEquals(ExitCodes.USAGE, code, "an input that could not be analysed outranks findings");
        assertEquals(List.of("json " + reports.resolve("a.json"), "json " + reports.resolve("a (2).json")),
                workspace.exported);
        assertTrue(err.contains(b + ": not a session"), err);
    }

    @Test
    void eachNeedsAFolderUnlessTheTextGoesToStdout() {
        assertEquals(ExitCodes.USAGE, run("analyze", dir.toString(), "--each", "--format", "json"));
        assertTrue(err.contains("--each writes one report per input"), err);
    }

    @Test
    void aDeliverableMustBeKnown() {
        assertEquals(ExitCodes.USAGE, run("analyze", dir.toString(), "--deliverable", "stems"));
        assertTrue(err.contains("--deliverable must be mix, pre-master or master, not 'stems'"), err);
    }

    @Test
    void theReportCarriesThePlanOfTheAnalysisUnrendered() {
        assertEquals(ExitCodes.OK, run("analyze", dir.toString(), "--quiet"));
        assertEquals(1, workspace.planned.size());
        assertEquals(1, workspace.analysed.size());
        VerifiedPlan plan = workspace.reportOptions.get(0).plan();
        assertNotNull(plan, "the report shows the plan");
        assertFalse(plan.isRendered(), "analyze only plans: the prediction, not a render");
        assertEquals("level:Kick", plan.plan().moves().get(0).id());
    }

    @Test
    void noPlanLeavesThePlanOut() {
        assertEquals(ExitCodes.OK, run("analyze", dir.toString(), "--quiet", "--no-plan", "--format", "json",
                "--out", dir.resolve("r.json").toString()));
        assertEquals(List.of(), workspace.planned, "not even planned");
        assertNull(workspace.reportOptions.get(0).plan());
    }

    @Test
    void aMixAloneHasNoPartToPlan() {
        workspace.role = Role.MIX;
        assertEquals(ExitCodes.OK, run("analyze", dir.toString(), "--quiet"));
        assertEquals(List.of(), workspace.planned);
        assertNull(workspace.reportOptions.get(0).plan());
        assertEquals("", err, "nothing to say: a lone bounce has nothing a plan moves");
    }

    @Test
    void aPlanThatFailsStillWritesTheReportWithoutIt() {
        workspace.planFailure = new IllegalStateException("rule vocal.lead failed");
        workspace.worst = Severity.PROBLEM;
        assertEquals(ExitCodes.FINDINGS, run("analyze", dir.toString(), "--quiet"));
        assertEquals("text report of " + dir.getFileName() + "\n", out);
        assertNull(workspace.reportOptions.get(0).plan());
        assertTrue(err.contains("the report has no plan: planning failed: java.lang.IllegalStateException: rule"
                + " vocal.lead failed"), err);
    }

    @Test
    void eachInputGetsThePlanOfItsOwnAnalysis() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        assertEquals(ExitCodes.OK, run("analyze", a.toString(), b.toString(), "--each", "--quiet"));
        assertEquals(2, workspace.planned.size());
        for (int i = 0; i < 2; i++) {
            assertSame(workspace.planned.get(i).analysis(), workspace.reportOptions.get(i).plan().before(),
                    "input " + i + "'s report shows the plan of its own analysis");
        }
    }
}
