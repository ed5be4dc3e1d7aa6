package io.mixbench.ruleset.genres;

import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a set that extends the default set against the installed rules' descriptors: what the engine checks
 * (known rule, known parameter, right unit, in range, a minimum not above its maximum after merging), plus what a
 * shipped set must hold beyond that: every setting differs from the default's, and thresholds and related rules
 * keep their order once merged (a WARN limit not beyond its PROBLEM limit, bass.underKick's kick range equal to
 * kick.level's, ...).
 */
final class RuleSetChecker {

    /** Bare numbers are allowed only for units that have no symbol worth writing. */
    private static final Set<String> BARE_UNITS = Set.of("count", "ratio");

    /** Pairs (rule, lower, higher) whose merged values must keep lower <= higher; "*" is every rule with both. */
    private static final List<String[]> ORDER = List.of(new String[]{"*", "warnMarginDb", "problemMarginDb"},
            new String[]{"lowEnd.centred", "maxPanPercent", "problemPanPercent"},
            new String[]{"lowEnd.centred", "maxSideDb", "problemSideDb"},
            new String[]{"mono.compatibility", "problemLossDb", "warnLossDb"},
            new String[]{"mono.compatibility", "bandProblemLossDb", "bandWarnLossDb"},
            new String[]{"mix.balance", "maxBalanceDb", "problemBalanceDb"},
            new String[]{"mix.headroom", "maxPeak", "problemPeak"},
            new String[]{"bus.limiting", "minPeakReductionDb", "problemPeakReductionDb"},
            new String[]{"health", "maxClippedRuns", "problemClippedRuns"});

    private final Map<String, RuleDescriptor> descriptors;
    private final Map<String, Boolean> defaultEnabled;
    private final Map<String, Map<String, Double>> defaultValues;

    /**
     * @param descriptors the installed rules by id
     * @param defaultSet the default set, which every checked set extends
     */
    RuleSetChecker(Map<String, RuleDescriptor> descriptors, RuleSetFile defaultSet) {
        this.descriptors = descriptors;
        this.defaultEnabled = new LinkedHashMap<>();
        this.defaultValues = new LinkedHashMap<>();
        for (RuleDescriptor d : descriptors.values()) {
            RuleSetFile.Rule settings = defaultSet.rules().get(d.id());
            defaultEnabled.put(d.id(), settings == null || settings.enabled() == null || settings.enabled());
            Map<String, Double> values = new LinkedHashMap<>();
            for (Parameter p : d.parameters()) {
                RuleSetFile.Value v = settings == null ? null : settings.parameters().get(p.id());
                values.put(p.id(), v == null ? p.defaultValue() : v.value());
            }
            defaultValues.put(d.id(), values);
        }
    }

    /** Every problem of the set, each with its file and line; empty when the set is fit to ship. */
    List<String> check(RuleSetFile set) {
        List<String> problems = new ArrayList<>();
        String src = set.source();
        if (!"mixbench-ruleset".equals(set.format())) {
            problems.add(src + ": format is not mixbench-ruleset");
        }
        if (set.formatVersion() == null || set.formatVersion() != 1) {
            problems.add(src + ": formatVersion is not 1");
        }
        if (set.id() == null || !set.id().matches("[a-z0-9][a-z0-9._-]*")) {
            problems.add(src + ": id is missing or not made of a-z, 0-9, '.', '_' and '-'");
        }
        if (!"default".equals(set.extendsId())) {
            problems.add(src + ": does not extend default");
        }
        if (set.title() == null || set.title().isBlank()) {
            problems.add(src + ": no title");
        }
        if (set.description() == null || set.description().length() < 200) {
            problems.add(src + ": the description does not say why (under 200 characters)");
        }
        // Stating the deliverable changes what the rules judge: a set may do only that.
        if (set.rules().isEmpty() && set.deliverable() == null) {
            problems.add(src + ": overrides nothing");
        }
        for (var entry : set.rules().entrySet()) {
            checkRule(src, entry.getKey(), entry.getValue(), problems);
        }
        Map<String, Boolean> enabled = new LinkedHashMap<>(defaultEnabled);
        Map<String, Map<String, Double>> merged = new LinkedHashMap<>();
        defaultValues.forEach((rule, values) -> merged.put(rule, new LinkedHashMap<>(values)));
        set.rules().forEach((rule, settings) -> {
            if (merged.containsKey(rule)) {
                if (settings.enabled() != null) {
                    enabled.put(rule, settings.enabled());
                }
                // as the engine does, only values that passed their own checks take part in the merge
                settings.parameters().forEach((id, v) -> descriptors.get(rule).parameter(id)
                        .filter(p -> (v.unit() == null || v.unit().equals(p.unit())) && p.allows(v.value()))
                        .ifPresent(p -> merged.get(rule).put(id, v.value())));
            }
        });
        checkMerged(set, enabled, merged, problems);
        return problems;
    }

    private void checkRule(String src, String ruleId, RuleSetFile.Rule settings, List<String> problems) {
        RuleDescriptor d = descriptors.get(ruleId);
        if (d == null) {
            problems.add(src + ", line " + settings.line() + ": unknown rule '" + ruleId + "'");
            return;
        }
        boolean changes = settings.enabled() != null && !settings.enabled().equals(defaultEnabled.get(ruleId));
        if (settings.enabled() != null && !changes) {
            problems.add(src + ", line " + settings.line() + ": " + ruleId + " restates the default's enabled");
        }
        if (Boolean.FALSE.equals(settings.enabled()) && !settings.parameters().isEmpty()) {
            problems.add(src + ", line " + settings.line() + ": " + ruleId + " is disabled yet sets parameters");
        }
        for (var e : settings.parameters().entrySet()) {
            String where = src + ", line " + e.getValue().line() + ": " + ruleId + "." + e.getKey();
            Parameter p = d.parameter(e.getKey()).orElse(null);
            if (p == null) {
                problems.add(where + " is not a parameter of the rule (it has " + d.parameters().stream()
                        .map(Parameter::id).toList() + ")");
                continue;
            }
            RuleSetFile.Value v = e.getValue();
            if (v.unit() == null && !BARE_UNITS.contains(p.unit())) {
                problems.add(where + " is a bare number; write it with its unit, " + p.unit());
            } else if (v.unit() != null && !v.unit().equals(p.unit())) {
                problems.add(where + " is in " + p.unit() + ", not " + v.unit());
            } else if (!p.allows(v.value())) {
                problems.add(String.format(Locale.ROOT, "%s = %s %s is outside its range %s to %s", where,
                        v.value(), p.unit(), p.min(), p.max()));
            } else if (v.value() == defaultValues.get(ruleId).get(p.id())) {
                problems.add(where + " restates the default's value " + v.value());
            } else {
                changes = true;
            }
        }
        if (!changes && settings.parameters().isEmpty() && settings.enabled() == null) {
            problems.add(src + ", line " + settings.line() + ": " + ruleId + " is listed but changes nothing");
        }
    }

    private void checkMerged(RuleSetFile set, Map<String, Boolean> enabled, Map<String, Map<String, Double>> merged,
            List<String> problems) {
        for (var rule : merged.entrySet()) {
            Map<String, Double> v = rule.getValue();
            RuleSetFile.Rule written = set.rules().get(rule.getKey());
            String src = set.source() + (written == null ? "" : ", line " + written.line()) + " (merged with default)";
            for (String id : v.keySet()) {
                // minX/maxX as the engine pairs them, and kickMinPeak/kickMaxPeak beside them
                String max = id.startsWith("min") ? "max" + id.substring(3) : id.replaceFirst("Min(?=[A-Z])", "Max");
                if (!max.equals(id) && v.containsKey(max) && v.get(id) > v.get(max)) {
                    problems.add(src + ": " + rule.getKey() + " has " + id + " " + v.get(id) + " above " + max + " "
                            + v.get(max));
                }
            }
            for (String[] order : ORDER) {
                if ((order[0].equals("*") || order[0].equals(rule.getKey())) && v.containsKey(order[1])
                        && v.containsKey(order[2]) && v.get(order[1]) > v.get(order[2])) {
                    problems.add(src + ": " + rule.getKey() + " has " + order[1] + " " + v.get(order[1])
                            + " beyond " + order[2] + " " + v.get(order[2]));
                }
            }
        }
        String src = set.source() + " (merged with default)";
        Map<String, Double> kick = merged.get("kick.level");
        Map<String, Double> bass = merged.get("bass.underKick");
        if (kick != null && bass != null && enabled.get("kick.level") && enabled.get("bass.underKick")
                && (!kick.get("minPeak").equals(bass.get("kickMinPeak"))
                        || !kick.get("maxPeak").equals(bass.get("kickMaxPeak")))) {
            problems.add(src + ": bass.underKick's kick range " + bass.get("kickMinPeak") + ".."
                    + bass.get("kickMaxPeak") + " is not kick.level's " + kick.get("minPeak") + ".."
                    + kick.get("maxPeak"));
        }
        Map<String, Double> snare = merged.get("snare.level");
        if (kick != null && snare != null && enabled.get("kick.level") && enabled.get("snare.level")
                && snare.get("maxPeak") > kick.get("maxPeak")) {
            problems.add(src + ": snare.level's maxPeak " + snare.get("maxPeak") + " lies above kick.level's "
                    + kick.get("maxPeak") + ", which snare.level's not-above-the-kick check would then flag");
        }
        Map<String, Double> loudness = merged.get("premaster.loudness");
        Map<String, Double> headroom = merged.get("mix.headroom");
        if (loudness != null && headroom != null && enabled.get("mix.headroom")
                && loudness.get("fixPeakCeiling") > headroom.get("maxPeak")) {
            problems.add(src + ": premaster.loudness's fixPeakCeiling " + loudness.get("fixPeakCeiling")
                    + " lies above mix.headroom's maxPeak " + headroom.get("maxPeak")
                    + ", so its raising fix would cause a headroom finding");
        }
    }
}
