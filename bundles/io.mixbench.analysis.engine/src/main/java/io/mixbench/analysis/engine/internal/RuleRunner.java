package io.mixbench.analysis.engine.internal;

import io.mixbench.analysis.AppliedRule;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs every rule of an analysis, each on its own daemon thread under a shared deadline. A rule that throws,
 * misses the deadline or returns nonsense becomes one RULE ERROR finding; the other rules' findings stand. A
 * rule thread that never returns is abandoned (Java cannot kill it); being a daemon it cannot keep the process
 * alive.
 */
final class RuleRunner {

    /** The findings of all rules and what happened to each rule. */
    record Outcome(List<Finding> findings, List<AppliedRule> rules) {
    }

    private record Pending(ServiceEntry<Rule> entry, RuleDescriptor descriptor, RuleContextImpl context,
            Future<List<Finding>> future) {
    }

    private RuleRunner() {
    }

    static Outcome run(Session session, List<MeasuredTrack> measured, List<GroupMeasurement> groups, RuleSet ruleSet,
            List<ServiceEntry<Rule>> rules, Duration timeLimit, ExecutorService ruleThreads) {
        return run(session, measured, groups, ruleSet, rules, timeLimit, ruleThreads, e -> false);
    }

    /**
     * @param isPlugin whether a rule comes from a plug-in: of two rules with one id the product's runs, else the
     *            first in service order; the other is reported as a RULE ERROR {@code plugin} finding
     */
    static Outcome run(Session session, List<MeasuredTrack> measured, List<GroupMeasurement> groups, RuleSet ruleSet,
            List<ServiceEntry<Rule>> rules, Duration timeLimit, ExecutorService ruleThreads,
            Predicate<ServiceEntry<?>> isPlugin) {
        return run(session, measured, groups, ruleSet, JudgedDeliverable.PRE_MASTER_BY_DEFAULT, rules, timeLimit,
                ruleThreads, isPlugin);
    }

    /** @param deliverable what the rules judge the mix as */
    static Outcome run(Session session, List<MeasuredTrack> measured, List<GroupMeasurement> groups, RuleSet ruleSet,
            JudgedDeliverable deliverable, List<ServiceEntry<Rule>> rules, Duration timeLimit,
            ExecutorService ruleThreads, Predicate<ServiceEntry<?>> isPlugin) {
        List<Finding> findings = new ArrayList<>();
        List<AppliedRule> applied = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<ServiceEntry<Rule>, RuleDescriptor> described = new LinkedHashMap<>();
        for (ServiceEntry<Rule> entry : rules) {
            try {
                RuleDescriptor descriptor = entry.service().descriptor();
                if (descriptor == null) {
                    throw new IllegalStateException("descriptor() returned null");
                }
                described.put(entry, descriptor);
            } catch (RuntimeException | LinkageError e) {
                String id = entry.service().getClass().getName();
                findings.add(ruleError(id, entry, "could not describe itself: " + e));
                applied.add(new AppliedRule(id, id, entry.bundle(), entry.bundleVersion(), Map.of(), "error"));
            }
        }
        Map<String, ServiceEntry<Rule>> owners = new HashMap<>();
        described.forEach((entry, d) -> {
            if (!isPlugin.test(entry)) {
                owners.putIfAbsent(d.id(), entry);
            }
        });
        described.forEach((entry, d) -> owners.putIfAbsent(d.id(), entry));
        Map<String, RuleDescriptor> peers = new HashMap<>();
        owners.forEach((id, entry) -> peers.put(id, described.get(entry)));
        for (Map.Entry<ServiceEntry<Rule>, RuleDescriptor> each : described.entrySet()) {
            ServiceEntry<Rule> entry = each.getKey();
            RuleDescriptor descriptor = each.getValue();
            ServiceEntry<Rule> owner = owners.get(descriptor.id());
            if (owner != entry) {
                findings.add(Finding.of("plugin", Severity.RULE_ERROR).message("Rule " + descriptor.id()
                        + " of bundle " + entry.bundle() + " " + entry.bundleVersion() + " has the id of the rule of"
                        + " bundle " + owner.bundle() + " " + owner.bundleVersion()
                        + ", so it does not run: only one rule may have an id. Rename the plug-in's rule.").build());
                continue;
            }
            Map<String, Double> parameters;
            RuleContextImpl context;
            try {
                context = new RuleContextImpl(session, measured, groups, ruleSet, descriptor, peers, deliverable);
                parameters = context.parameters();
            } catch (RuntimeException e) {
                findings.add(ruleError(descriptor.id(), entry, "has unusable parameters: " + e.getMessage()));
                applied.add(applied(descriptor, entry, Map.of(), "error"));
                continue;
            }
            if (!ruleSet.enables(descriptor.id())) {
                applied.add(applied(descriptor, entry, parameters, "disabled"));
                continue;
            }
            String missing = unmetNeeds(descriptor, session, context);
            if (missing != null) {
                if (!missing.isEmpty()) {
                    findings.add(Finding.of(descriptor.id(), Severity.INFO)
                            .message(descriptor.title() + " not checked: " + missing + ".").build());
                }
                applied.add(applied(descriptor, entry, parameters, "not-applicable"));
                continue;
            }
            Rule rule = entry.service();
            RuleContextImpl ctx = context;
            pending.add(new Pending(entry, descriptor, context, ruleThreads.submit(() -> rule.evaluate(ctx))));
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Set<String> trackNames = measured.stream().map(MeasuredTrack::name).collect(Collectors.toSet());
        session.tracks().forEach(t -> trackNames.add(t.name()));
        for (Pending p : pending) {
            String outcome = "applied";
            try {
                List<Finding> result = p.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                String nonsense = checkFindings(result, p.descriptor.id(), trackNames);
                if (nonsense != null) {
                    findings.add(ruleError(p.descriptor.id(), p.entry, "returned nonsense: " + nonsense));
                    outcome = "error";
                } else {
                    findings.addAll(result);
                }
            } catch (TimeoutException e) {
                p.future.cancel(true);
                findings.add(ruleError(p.descriptor.id(), p.entry,
                        "did not finish within its time limit of " + timeLimit.toMillis() / 1000.0 + " s"));
                outcome = "error";
            } catch (ExecutionException e) {
                findings.add(ruleError(p.descriptor.id(), p.entry, "failed: " + e.getCause()));
                outcome = "error";
            } catch (InterruptedException e) {
                pending.forEach(q -> q.future.cancel(true));
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            applied.add(applied(p.descriptor, p.entry, p.context.parameters(), outcome));
        }
        return new Outcome(findings, applied);
    }

    /** Null when the rule applies; else why not ("" for a silent skip: a rule for another export kind). */
    private static String unmetNeeds(RuleDescriptor d, Session session, RuleContextImpl context) {
        if (d.exportKind() != null && d.exportKind() != session.exportKind()) {
            return "";
        }
        if (d.needsMix() && context.mix().isEmpty()) {
            return session.mix().isPresent() ? "the mix could not be measured" : "the session has no mix";
        }
        List<String> missing = new ArrayList<>();
        // In the roles' declared order: the set's own order changes from one process to the next.
        for (Role role : d.requiredRoles().stream().sorted().toList()) {
            if (context.withRole(role).isEmpty()) {
                missing.add(role.displayName().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!missing.isEmpty()) {
            return "the session has no measured " + String.join(" or ", missing) + " track";
        }
        return null;
    }

    private static String checkFindings(List<Finding> result, String ruleId, Set<String> trackNames) {
        if (result == null) {
            return "null instead of a list of findings";
        }
        for (Finding f : result) {
            if (f == null) {
                return "a null finding";
            }
            if (!ruleId.equals(f.ruleId())) {
                return "a finding for another rule id '" + f.ruleId() + "'";
            }
            if (f.severity() == Severity.RULE_ERROR) {
                return "a finding with severity RULE ERROR, which only the analysis may report";
            }
            for (String track : f.tracks()) {
                if (!trackNames.contains(track)) {
                    return "a finding about an unknown track '" + track + "'";
                }
            }
            for (Fix fix : f.fixes()) {
                if (!trackNames.contains(fix.track())) {
                    return "a fix for an unknown track '" + fix.track() + "'";
                }
            }
            if (f.message().isBlank()) {
                return "a finding without a message";
            }
        }
        return null;
    }

    static Finding ruleError(String ruleId, ServiceEntry<?> entry, String what) {
        return Finding.of(ruleId, Severity.RULE_ERROR)
                .message("Rule " + ruleId + " (bundle " + entry.bundle() + " " + entry.bundleVersion() + ") " + what
                        + ".")
                .build();
    }

    private static AppliedRule applied(RuleDescriptor d, ServiceEntry<Rule> entry, Map<String, Double> parameters,
            String outcome) {
        return new AppliedRule(d.id(), d.title(), entry.bundle(), entry.bundleVersion(), parameters, outcome);
    }
}
