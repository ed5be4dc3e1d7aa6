package io.mixbench.analysis;

import io.mixbench.rule.Finding;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an analysis found. Immutable.
 *
 * @param session the session analysed
 * @param ruleSet the rule set used
 * @param tracks every track in session order, measured or with its decode error
 * @param rules every rule considered, with its outcome and parameter values
 * @param findings every finding, most severe first
 * @param startedAt when the analysis started
 * @param elapsed how long it took
 * @param versions versions of the tool and of the bundles that took part, by name
 * @param groups what cross-track meters measured on groups of tracks
 * @param deliverable what the mix was judged as, and why
 */
public record AnalysisResult(Session session, RuleSet ruleSet, List<MeasuredTrack> tracks, List<AppliedRule> rules,
        List<Finding> findings, Instant startedAt, Duration elapsed, Map<String, String> versions,
        List<GroupMeasurement> groups, JudgedDeliverable deliverable) {

    public AnalysisResult {
        tracks = List.copyOf(tracks);
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        versions = Map.copyOf(versions);
        groups = List.copyOf(groups);
        if (deliverable == null) {
            deliverable = JudgedDeliverable.PRE_MASTER_BY_DEFAULT;
        }
    }

    /** A result judged as a pre-master by default. */
    public AnalysisResult(Session session, RuleSet ruleSet, List<MeasuredTrack> tracks, List<AppliedRule> rules,
            List<Finding> findings, Instant startedAt, Duration elapsed, Map<String, String> versions,
            List<GroupMeasurement> groups) {
        this(session, ruleSet, tracks, rules, findings, startedAt, elapsed, versions, groups, null);
    }

    /** A result without cross-track measurements. */
    public AnalysisResult(Session session, RuleSet ruleSet, List<MeasuredTrack> tracks, List<AppliedRule> rules,
            List<Finding> findings, Instant startedAt, Duration elapsed, Map<String, String> versions) {
        this(session, ruleSet, tracks, rules, findings, startedAt, elapsed, versions, List.of());
    }

    /** The most severe finding's severity, {@link Severity#OK} when there is none. */
    public Severity worstSeverity() {
        Severity worst = Severity.OK;
        for (Finding f : findings) {
            if (f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return worst;
    }

    /** Whether any finding is at or above the threshold ({@link Severity#reaches}). */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().reaches(threshold));
    }

    /**
     * The moves the findings ask for, each once, most urgent first: the grouping every report and front end shows
     * ({@link Moves#of(List)}).
     *
     * @since 1.2
     */
    public List<Move> moves() {
        return Moves.of(findings);
    }

    public Optional<MeasuredTrack> mix() {
        return tracks.stream().filter(t -> t.track().role() == io.mixbench.session.Role.MIX).findFirst();
    }
}
