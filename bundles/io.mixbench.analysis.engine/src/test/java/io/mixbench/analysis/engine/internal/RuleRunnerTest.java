package io.mixbench.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RuleRunnerTest {

    final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    final Track kick = new Track("Kick", Path.of("/s/kick.wav"), Role.KICK, null);
    final Session session = new Session(Path.of("/s"), List.of(kick), ExportKind.STEMS, PanLaw.MINUS_3_DB, null,
            Map.of());
    final List<MeasuredTrack> measured = List.of(new MeasuredTrack(kick, null, 1, Map.of(), null));
    final RuleSet defaults = new RuleSet("default", "Default", "", null, Map.of(), "test");

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    static ServiceEntry<Rule> rule(String id, Set<Role> roles, Function<RuleContext, List<Finding>> body) {
        RuleDescriptor d = new RuleDescriptor(id, id, "", roles, false, null, List.of());
        Rule rule = new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return d;
            }

            @Override
            public List<Finding> evaluate(RuleContext context) {
                return body.apply(context);
            }
        };
        return new ServiceEntry<>(rule, "test.bundle", "1.0.0", 0, id.hashCode());
    }

    @Test
    @Timeout(120) // guards a hang only
    void failingRulesBecomeRuleErrorsAndTheOthersStand() {
        ServiceEntry<Rule> good = rule("good", Set.of(Role.KICK), c -> List.of(Finding.of("good", Severity.WARN)
                .tracks("Kick").message("Kick is off.").build()));
        ServiceEntry<Rule> throwing = rule("throws", Set.of(), c -> {
            throw new IllegalStateException("boom");
        });
        ServiceEntry<Rule> hanging = rule("hangs", Set.of(), c -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        ServiceEntry<Rule> nothing = rule("null", Set.of(), c -> null);
        ServiceEntry<Rule> stranger = rule("stranger", Set.of(), c -> List.of(Finding.of("stranger", Severity.INFO)
                .tracks("Nobody").message("?").build()));
        // Its first fix is fine, the second names a track the session does not have.
        ServiceEntry<Rule> strayFix = rule("strayFix", Set.of(), c -> List.of(Finding.of("strayFix", Severity.WARN)
                .tracks("Kick").message("Kick and a ghost are off.")
                .fixes(List.of(Fix.gain("Kick", -1), Fix.gain("Ghost", -1)), "Lower both.").build()));
        // The hung rule is abandoned at its time limit: the run returns, with a finding that says so (below).
        RuleRunner.Outcome outcome = RuleRunner.run(session, measured, List.of(), defaults,
                List.of(good, throwing, hanging, nothing, stranger, strayFix), Duration.ofMillis(300), threads);
        Map<String, Severity> byRule = new java.util.TreeMap<>();
        outcome.findings().forEach(f -> byRule.put(f.ruleId(), f.severity()));
        assertEquals(Map.of("good", Severity.WARN, "throws", Severity.RULE_ERROR, "hangs", Severity.RULE_ERROR, "null",
                Severity.RULE_ERROR, "stranger", Severity.RULE_ERROR, "strayFix", Severity.RULE_ERROR), byRule);
        String strayMessage = outcome.findings().stream().filter(f -> f.ruleId().equals("strayFix")).findFirst()
                .orElseThrow().message();
        assertTrue(strayMessage.contains("'Ghost'"), strayMessage);
        String hangMessage = outcome.findings().stream().filter(f -> f.ruleId().equals("hangs")).findFirst()
                .orElseThrow().message();
        assertTrue(hangMessage.contains("time limit") && hangMessage.contains("test.bundle"), hangMessage);
    }

    @Test
    void ruleWithoutItsRolesSaysSoOnceAsInfo() {
        ServiceEntry<Rule> vocal = rule("vocal", Set.of(Role.LEAD_VOCAL), c -> {
            throw new AssertionError("must not run without a vocal");
        });
        RuleRunner.Outcome outcome = RuleRunner.run(session, measured, List.of(), defaults, List.of(vocal),
                Duration.ofSeconds(1),
                threads);
        assertEquals(1, outcome.findings().size());
        assertEquals(Severity.INFO, outcome.findings().get(0).severity());
        assertTrue(outcome.findings().get(0).message().contains("lead vocal"), outcome.findings().get(0).message());
        assertEquals("not-applicable", outcome.rules().get(0).outcome());
    }

    @Test
    void missingRolesAreNamedInTheirDeclaredOrder() {
        // A set's iteration order changes from one process to the next; the report must not.
        List<Role> missing = java.util.Arrays.stream(Role.values()).filter(r -> r != Role.KICK).limit(6).toList();
        ServiceEntry<Rule> many = rule("many", Set.copyOf(missing), c -> List.of());
        String message = RuleRunner.run(session, measured, List.of(), defaults, List.of(many), Duration.ofSeconds(1),
                threads).findings().get(0).message();
        String names = String.join(" or ",
                missing.stream().map(r -> r.displayName().toLowerCase(java.util.Locale.ROOT)).toList());
        assertEquals("many not checked: the session has no measured " + names + " track.", message);
    }

    @Test
    void parametersComeFromTheRuleSetWithEachCall() {
        RuleDescriptor d = new RuleDescriptor("p", "P", "", Set.of(), false, null,
                List.of(new io.mixbench.rule.Parameter(
                        "limit", "Limit", "dB", -10, 10, 1)));
        Rule rule = new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return d;
            }

            @Override
            public List<Finding> evaluate(RuleContext context) {
                return List.of(Finding.of("p", Severity.INFO).message("limit=" + context.parameter("limit")).build());
            }
        };
        ServiceEntry<Rule> entry = new ServiceEntry<>(rule, "b", "1", 0, 1);
        RuleSet studio = new RuleSet("studio", "Studio", "", null, Map.of("p", new io.mixbench.rule.RuleSettings(null,
                Map.of("limit", 4.0))), "test");
        assertEquals("limit=1.0",
                RuleRunner.run(session, measured, List.of(), defaults, List.of(entry), Duration.ofSeconds(1),
                        threads).findings().get(0).message());
        assertEquals("limit=4.0",
                RuleRunner.run(session, measured, List.of(), studio, List.of(entry), Duration.ofSeconds(1),
                        threads).findings().get(0).message());
    }
}
