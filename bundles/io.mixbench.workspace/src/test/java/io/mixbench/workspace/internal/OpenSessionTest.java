package io.mixbench.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.session.Session;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.OpenSessionListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open session's analyses against a fake engine whose analyses complete only when the test says so: a
 * superseded or cancelled analysis never shows, and listeners hear every change in order.
 */
class OpenSessionTest {

    /** Bounds a wait for an event that must come; no result depends on it. */
    private static final long PATIENCE_SECONDS = 30;

    @TempDir
    Path dir;

    final Fakes.Analysis analysis = new Fakes.Analysis();
    final WorkspaceService workspace = Fakes.workspace(analysis);
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    OpenSession open;

    @BeforeEach
    void open() {
        open = workspace.newOpenSession(OpenSession.Settings.DEFAULT);
        open.addListener(new OpenSessionListener() {
            @Override
            public void sessionChanged(Session session) {
                events.add("session " + (session == null ? "none" : session.tracks().size()));
            }

            @Override
            public void analysisStarted(int tracks, String ruleSetId) {
                events.add("started " + tracks + " " + ruleSetId);
            }

            @Override
            public void resultChanged(AnalysisResult result) {
                events.add("result " + (result == null ? "none" : result.ruleSet().id()));
            }

            @Override
            public void analysisCancelled() {
                events.add("cancelled");
            }

            @Override
            public void analysisFailed(String message) {
                events.add("failed " + message);
            }
        });
    }

    @AfterEach
    void close() {
        open.close();
    }

    private String next() throws InterruptedException {
        String e = events.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "an event came");
        return e;
    }

    private Fakes.Submitted submitted() throws InterruptedException {
        Fakes.Submitted s = analysis.submitted.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(s, "an analysis was submitted");
        return s;
    }

    /** Waits until the events so far have been delivered: a marker analysis's failure comes after them. */
    private List<String> drained() throws InterruptedException {
        ((OpenSessionImpl) open).runAfterEvents(() -> events.add("marker"));
        List<String> seen = new java.util.ArrayList<>();
        for (String e = next(); !e.equals("marker"); e = next()) {
            seen.add(e);
        }
        return seen;
    }

    @Test
    void openingAnalysesAndTheResultShows() throws Exception {
        Fakes.wavs(dir, "Kick", "Bass");
        open.open(List.of(dir));
        Fakes.Submitted first = submitted();
        assertEquals(2, first.request().session().tracks().size());
        assertEquals("default", first.request().ruleSet().id());
        assertTrue(open.analysing());
        AnalysisResult r = first.complete();
        assertEquals(List.of("session 2", "result none", "started 2 default", "result default"), drained());
        assertSame(r, open.result());
        assertFalse(open.analysing());
    }

    @Test
    void aSupersededAnalysisNeverShows() throws Exception {
        Fakes.wavs(dir, "Kick");
        open.open(List.of(dir));
        Fakes.Submitted first = submitted();
        open.chooseRuleSet("other");
        Fakes.Submitted second = submitted();
        assertTrue(first.cancelled()[0], "the first analysis was cancelled");
        first.complete(); // its result arrives after all
        second.complete();
        assertEquals(List.of("session 1", "result none", "started 1 default", "started 1 other", "result other"),
                drained());
        assertEquals("other", open.result().ruleSet().id());
    }

    @Test
    void theFutureOfASupersededAnalysisFailsAndTheShownOneCompletes() throws Exception {
        Fakes.wavs(dir, "Kick");
        open.configure(new OpenSession.Settings(true, OpenSession.Settings.DEFAULT.ruleTimeLimit(), false));
        open.open(List.of(dir));
        var firstShown = open.analyse();
        Fakes.Submitted first = submitted();
        var secondShown = open.analyse();
        Fakes.Submitted second = submitted();
        first.complete();
        AnalysisResult r = second.complete();
        assertTrue(firstShown.isCompletedExceptionally(), "the superseded analysis was never shown");
        assertSame(r, secondShown.getNow(null));
    }

    @Test
    void aCancelledAnalysisSaysSoAndItsLateResultNeverShows() throws Exception {
        Fakes.wavs(dir, "Kick");
        open.open(List.of(dir));
        Fakes.Submitted first = submitted();
        open.cancel();
        first.complete();
        assertEquals(List.of("session 1", "result none", "started 1 default", "cancelled"), drained());
        assertNull(open.result());
        assertFalse(open.analysing());
    }

    @Test
    void aRuleSetThatDoesNotLoadIsTheLastErrorAndNothingRuns() throws Exception {
        Fakes.wavs(dir, "Kick");
        open.configure(new OpenSession.Settings(true, OpenSession.Settings.DEFAULT.ruleTimeLimit(), false));
        open.open(List.of(dir));
        open.chooseRuleSet("missing");
        assertEquals(List.of("session 1", "result none", "failed Rule set: no rule set 'missing'"), drained());
        assertEquals("Rule set: no rule set 'missing'", open.lastError());
        assertTrue(analysis.submitted.isEmpty());
    }

    @Test
    void addingFilesKeepsNamesApartAndSkipsFilesAlreadyIn() throws Exception {
        Path a = java.nio.file.Files.createDirectories(dir.resolve("a"));
        Path b = java.nio.file.Files.createDirectories(dir.resolve("b"));
        Fakes.wavs(a, "Kick");
        List<Path> other = Fakes.wavs(b, "Kick");
        open.open(List.of(a));
        submitted().complete();
        assertEquals(1, open.addFiles(other));
        assertEquals(0, open.addFiles(other), "a file already in the session is not added again");
        assertEquals(List.of("kick", "kick 2"), open.session().tracks().stream().map(t -> t.name()).toList());
    }

    @Test
    void aRuleThatArrivesAnalysesAgainOnce() throws Exception {
        Fakes.wavs(dir, "Kick");
        open.open(List.of(dir));
        submitted().complete();
        Rule rule = new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return null;
            }

            @Override
            public List<io.mixbench.rule.Finding> evaluate(io.mixbench.rule.RuleContext context) {
                return List.of();
            }
        };
        workspace.addRule(rule);
        workspace.addRule(rule);
        Fakes.Submitted again = submitted();
        again.complete();
        assertEquals(List.of("session 1", "result none", "started 1 default", "result default",
                "started 1 default", "result default"), drained());
        assertTrue(analysis.submitted.isEmpty(), "two rules arriving together give one analysis");
    }

    @Test
    void closingTheSessionForgetsItsResult() throws Exception {
        Fakes.wavs(dir, "Kick");
        open.open(List.of(dir));
        submitted().complete();
        open.closeSession();
        assertEquals(List.of("session 1", "result none", "started 1 default", "result default", "session none",
                "result none"), drained());
        assertNull(open.session());
        assertTrue(open.analyse().isCompletedExceptionally(), "nothing to analyse");
    }
}
