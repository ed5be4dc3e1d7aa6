package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AnalysisService;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.analysis.Move;
import io.mixbench.analysis.MoveKind;
import io.mixbench.analysis.Moves;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanRequest;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.TrackChanges;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSettings;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds a plan by coordinate descent over the rules' own evaluations: predict the measurements after the moves so
 * far ({@link Prediction}), let every installed rule judge them ({@link AnalysisService#judge}), take the most urgent
 * move the findings ask for ({@link Moves}: most severe first, then what to do first), make it, and again, until no
 * WARN or PROBLEM asks for a move the planner makes. Each step moves one thing by what its findings ask, which the
 * rules size to the middle of their targets, so the plan moves no more than the rules need. A move that would undo
 * an earlier state (two rules pulling one fader apart), push a part past full scale, or a fader past
 * {@link #MOST_GAIN_DB}, is given up and said in the plan. When the static moves leave the lead vocal outside its
 * lead window, it is ridden phrase by phrase ({@link Rides}) and the descent goes on with the ride in place.
 * {@code docs/plan.md} says why this search and not another.
 */
final class Planner {

    /** The most steps the descent takes; each is one prediction and one judgement of every rule. */
    static final int MOST_STEPS = 80;
    /** The most a fader moves, dB: beyond it the part is wrong at the source, not in the balance. */
    static final double MOST_GAIN_DB = 30;
    /** The highest sample peak, dBFS, a move may give a part: its rendered stem must not clip. */
    static final double PART_PEAK_CEILING_DBFS = -0.1;
    /** Gains closer than this, dB, are no move (fixes are rounded to 0.1 dB). */
    private static final double NO_MOVE_DB = 0.05;
    /** How often the lead vocal's ride is worked out again after the static moves around it changed. */
    private static final int RIDE_PASSES = 3;
    /** Why a move that would go back to a state seen before is not made. */
    private static final String SEEN = "it would undo another move (the rules asking for it pull against each"
            + " other), so it was left where the other rules want it";
    /** {@link AppliedRule#outcome()} of a rule that failed. */
    private static final String FAILED = "error";
    /** Common-gain id of the move of every part together. */
    static final String COMMON = "common";
    /** The mix bus's move id. */
    static final String BUS = "bus";

    private final AnalysisService analysis;

    Planner(AnalysisService analysis) {
        this.analysis = analysis;
    }

    Plan plan(PlanRequest request) {
        AnalysisResult base = request.analysis();
        Session session = base.session();
        String mixName = session.mix().map(Track::name).orElse("Mix");
        List<String> parts = base.tracks().stream()
                .filter(t -> t.measured() && t.track().role().isPart()).map(MeasuredTrack::name).toList();
        Prediction prediction = new Prediction(base.tracks(), base.groups(), session.panLaw());
        Search search = new Search(base, prediction, parts, request);
        search.run();
        PlanState state = search.state;
        AnalysisResult judged = search.judge(state);
        List<PlannedMove> moves = moves(state, parts, mixName, search.rulesByMove);
        List<TrackChanges> changes = new ArrayList<>();
        Map<String, TrackChanges> byName = state.changes(parts);
        for (String part : parts) {
            changes.add(byName.get(part));
        }
        Set<String> failed = new LinkedHashSet<>();
        for (AppliedRule rule : base.rules()) {
            if (FAILED.equals(rule.outcome())) {
                failed.add(rule.ruleId());
            }
        }
        List<String> unresolved = unresolved(judged, search, request.refused(), failed);
        for (String rule : failed) {
            unresolved.add(rule + " failed in the analysis (a RULE ERROR), so the plan does not take it into account.");
        }
        boolean bus = state.isBusMove();
        return new Plan(base.ruleSet().id(), moves, changes, bus ? 0 : round(state.global),
                bus ? round(state.global) : 0, judged.findings(), unresolved, request.refused());
    }

    /** The moves of the final state, in the order to make them: levels (common, parts, bus), rides, pans, stereo. */
    private static List<PlannedMove> moves(PlanState state, List<String> parts, String mixName,
            Map<String, Set<String>> rulesByMove) {
        List<PlannedMove> moves = new ArrayList<>();
        List<PlannedMove> last = new ArrayList<>();
        if (Math.abs(state.global) >= NO_MOVE_DB) {
            // One knob: the render scales every stem by it, so the mix bus and every part together are the same move;
            // it is named after the kind of rule that asked for most of it.
            Set<String> asked = new LinkedHashSet<>(rulesByMove.getOrDefault(COMMON, Set.of()));
            asked.addAll(rulesByMove.getOrDefault(BUS, Set.of()));
            Map<String, Set<String>> rules = Map.of(COMMON, asked, BUS, asked);
            if (state.isBusMove()) {
                last.add(move(BUS, MoveKind.LEVEL, Fix.gain(mixName, state.global), rules, List.of()));
            } else {
                Fix fix = Fix.gain(mixName, state.global).and(Fix.ALL_PARTS, true);
                moves.add(move(COMMON, MoveKind.LEVEL, fix, rules, List.of()));
            }
        }
        for (String part : parts) {
            double own = state.own.getOrDefault(part, 0.0);
            if (Math.abs(own) >= NO_MOVE_DB) {
                moves.add(move("level:" + part, MoveKind.LEVEL, Fix.gain(part, own), rulesByMove, List.of()));
            }
        }
        moves.addAll(last);
        for (String part : parts) {
            List<GainPoint> ride = state.rides.getOrDefault(part, List.of());
            if (!ride.isEmpty()) {
                double most = 0;
                for (GainPoint p : ride) {
                    most = Math.abs(p.gainDb()) > Math.abs(most) ? p.gainDb() : most;
                }
                // actions in a fixed order (Map.of has none): reports write them as they come
                Fix fix = Fix.gain(part, most).and(Fix.START_SECONDS, ride.get(0).seconds()).and(Fix.END_SECONDS,
                        ride.get(ride.size() - 1).seconds());
                moves.add(move("ride:" + part, MoveKind.RIDE, fix, rulesByMove, ride));
            }
        }
        for (String part : parts) {
            Fix pan = state.pans.get(part);
            if (pan != null) {
                moves.add(move("pan:" + part, MoveKind.PAN, pan, rulesByMove, List.of()));
            }
        }
        for (String part : parts) {
            Fix stereo = state.stereo.get(part);
            if (stereo != null) {
                moves.add(move("stereo:" + part, MoveKind.STEREO, stereo, rulesByMove, List.of()));
            }
        }
        return moves;
    }

    private static PlannedMove move(String id, MoveKind kind, Fix fix, Map<String, Set<String>> rulesByMove,
            List<GainPoint> ride) {
        String text = ride.isEmpty() ? Moves.describe(List.of(fix)) : Rides.describe(fix.track(), ride);
        return new PlannedMove(id, kind, List.of(fix), List.copyOf(rulesByMove.getOrDefault(id, Set.of())), text,
                ride);
    }

    /** One sentence for each WARN, PROBLEM and RULE ERROR the plan leaves, saying why. */
    private static List<String> unresolved(AnalysisResult judged, Search search, Set<String> refused,
            Set<String> failedBefore) {
        List<String> sentences = new ArrayList<>();
        for (Finding f : judged.findings()) {
            if (f.severity() == Severity.RULE_ERROR && failedBefore.contains(f.ruleId())) {
                continue;
            }
            if (f.severity() == Severity.RULE_ERROR) {
                sentences.add(f.ruleId() + ": failed on the predicted measurements, so the plan could not take it"
                        + " into account: " + f.message());
                continue;
            }
            if (f.severity() != Severity.WARN && f.severity() != Severity.PROBLEM) {
                continue;
            }
            String where = f.ruleId() + (f.tracks().isEmpty() ? "" : " (" + String.join(", ", f.tracks()) + ")");
            String why = null;
            for (Fix fix : f.fixes()) {
                for (String id : search.idsOf(fix)) {
                    if (refused.contains(id)) {
                        why = "the move that clears it, " + id + ", was refused";
                    } else if (search.givenUp.containsKey(knob(id))) {
                        why = search.givenUp.get(knob(id));
                    }
                }
            }
            if (why == null && !f.fixes().isEmpty() && !Search.PLANNED.contains(MoveKind.of(f.fix()))) {
                why = "its move (" + Moves.describe(f.fixes()) + ") is of a kind the plan leaves to the engineer ("
                        + MoveKind.of(f.fix()).id() + ")";
            }
            if (why == null) {
                why = f.fixes().isEmpty()
                        ? "no move is given for it" + (f.suggestion() == null ? "" : ": " + f.suggestion())
                        : "the moves run out before it is cleared";
            }
            sentences.add(where + " stays " + f.severity().name() + ": " + why + ". " + f.message());
        }
        return sentences;
    }

    /** The knob a move id turns: the common and bus moves turn one, the global gain. */
    private static String knob(String id) {
        return COMMON.equals(id) || BUS.equals(id) ? "global" : id;
    }

    private static double round(double db) {
        return Math.round(db * 10) / 10.0;
    }

    /** The descent: its state, what each move answered, and what it gave up. */
    private final class Search {

        /** The kinds of move the planner makes; the others are left to the engineer and said so. */
        static final Set<MoveKind> PLANNED = Set.of(MoveKind.LEVEL, MoveKind.PAN, MoveKind.STEREO);

        final AnalysisResult base;
        final Prediction prediction;
        final List<String> parts;
        final PlanRequest request;
        final Map<String, Set<String>> rulesByMove = new LinkedHashMap<>();
        final Map<String, String> givenUp = new LinkedHashMap<>();
        final Set<String> seen = new HashSet<>();
        final String mixName;
        /** The analysis the rules judge with: its rule set without the rules that failed in it. */
        final AnalysisResult judgedBy;
        PlanState state;

        Search(AnalysisResult base, Prediction prediction, List<String> parts, PlanRequest request) {
            this.base = base;
            this.prediction = prediction;
            this.parts = parts;
            this.request = request;
            this.mixName = base.session().mix().map(Track::name).orElse("Mix");
            this.state = new PlanState();
            this.judgedBy = withoutFailedRules(base);
        }

        AnalysisResult judge(PlanState s) {
            List<MeasuredTrack> tracks = prediction.tracks(s.changes(parts));
            return analysis.judge(judgedBy, tracks, prediction.groups(), request.ruleTimeLimit());
        }

        void run() {
            seen.add(state.key());
            int ridePasses = 0;
            for (int step = 0; step < MOST_STEPS; step++) {
                AnalysisResult judged = judge(state);
                if (takeNextMove(judged)) {
                    continue;
                }
                if (ridePasses < RIDE_PASSES && rideLeadVocals(judged)) {
                    ridePasses++;
                    continue;
                }
                break;
            }
            consolidateCommonGain();
        }

        /** Makes the most urgent move the findings ask for that the planner makes; false when there is none. */
        private boolean takeNextMove(AnalysisResult judged) {
            for (Move move : judged.moves()) {
                if (move.severity() != Severity.WARN && move.severity() != Severity.PROBLEM
                        || !PLANNED.contains(move.kind())) {
                    continue;
                }
                List<String> ids = new ArrayList<>();
                PlanState next = withMove(move, 1, ids);
                if (ids.isEmpty()) {
                    continue;
                }
                String problem = problemWith(next);
                if (SEEN.equals(problem)) {
                    // Two rules pull this knob apart: a part of the move may still do better than where it is.
                    next = partOfMove(move, judged);
                    problem = next == null ? SEEN : null;
                }
                if (problem != null) {
                    for (String id : ids) {
                        givenUp.putIfAbsent(knob(id), problem);
                    }
                    continue;
                }
                state = next;
                seen.add(next.key());
                for (String id : ids) {
                    rulesByMove.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(move.rules());
                }
                return true;
            }
            return false;
        }

        /** The state after the move's fixes, their gains scaled by {@code fraction}; the ids it changes into ids. */
        private PlanState withMove(Move move, double fraction, List<String> ids) {
            PlanState next = state.copy();
            for (Fix fix : move.fixes()) {
                Fix scaled = fraction != 1 && fix.actions().get(Fix.GAIN_DB) instanceof Number gain
                        ? fix.and(Fix.GAIN_DB, Math.round(gain.doubleValue() * fraction * 10) / 10.0)
                        : fix;
                String id = apply(next, scaled);
                if (id != null) {
                    ids.add(id);
                }
            }
            return next;
        }

        /**
         * The best of a half, a quarter and three quarters of a gain move that leads to a state not seen before and
         * leaves less outside the targets than now ({@link #outside}); null when none does.
         */
        private PlanState partOfMove(Move move, AnalysisResult judged) {
            if (move.kind() != MoveKind.LEVEL) {
                return null;
            }
            PlanState best = null;
            double bestOutside = outside(judged);
            for (double fraction : new double[]{0.5, 0.25, 0.75}) {
                PlanState candidate = withMove(move, fraction, new ArrayList<>());
                if (problemWith(candidate) != null) {
                    continue;
                }
                double left = outside(judge(candidate));
                if (left < bestOutside - 1e-9) {
                    best = candidate;
                    bestOutside = left;
                }
            }
            return best;
        }

        /**
         * How far a judgement is from the rule set: each WARN counts 1 and each PROBLEM 10, times one plus how far
         * its measured value lies outside its target (capped at 20), so that nearer is better.
         */
        private static double outside(AnalysisResult judged) {
            double sum = 0;
            for (Finding f : judged.findings()) {
                if (f.severity() != Severity.WARN && f.severity() != Severity.PROBLEM) {
                    continue;
                }
                double excess = f.measured() != null && f.target() != null
                        ? Math.abs(f.target().excess(f.measured().value()))
                        : 1;
                sum += (f.severity() == Severity.PROBLEM ? 10 : 1) * (1 + Math.min(Double.isFinite(excess)
                        ? excess
                        : 1, 20));
            }
            return sum;
        }

        /**
         * Makes one fix in the state; returns the id of the plan's move it changes, or null when the fix is not one the
         * planner makes here (refused, given up, an action it does not apply, a mix move other than gain).
         */
        private String apply(PlanState s, Fix fix) {
            Map<String, Object> a = fix.actions();
            List<String> ids = idsOf(fix);
            if (ids.isEmpty()) {
                return null;
            }
            String id = ids.get(0);
            if (refused(id) || givenUp.containsKey(knob(id))) {
                return null;
            }
            if (a.get(Fix.GAIN_DB) instanceof Number gain && !a.containsKey(Fix.START_SECONDS)) {
                double db = gain.doubleValue();
                if (COMMON.equals(id)) {
                    s.global += db;
                    s.fromCommon += Math.abs(db);
                } else if (BUS.equals(id)) {
                    s.global += db;
                    s.fromBus += Math.abs(db);
                } else {
                    s.own.merge(fix.track(), db, Double::sum);
                }
                return id;
            }
            if (id.startsWith("pan:")) {
                s.pans.put(fix.track(), fix);
                return id;
            }
            if (id.startsWith("stereo:")) {
                Fix kept = s.stereo.get(fix.track());
                s.stereo.put(fix.track(), kept == null ? fix : merge(kept, fix));
                return id;
            }
            return null;
        }

        /** Whether the user refused the move; the common and bus moves are one knob, so refusing either refuses both. */
        private boolean refused(String id) {
            Set<String> no = request.refused();
            return no.contains(id)
                    || (COMMON.equals(id) || BUS.equals(id)) && (no.contains(COMMON) || no.contains(BUS));
        }

        /** The ids of the plan's moves a fix would change: none when the fix is not of a kind the planner makes. */
        List<String> idsOf(Fix fix) {
            Map<String, Object> a = fix.actions();
            boolean part = parts.contains(fix.track());
            boolean mix = !part && fix.track().equals(mixName);
            if (a.containsKey(Fix.GAIN_DB) && !a.containsKey(Fix.START_SECONDS)) {
                if (Boolean.TRUE.equals(a.get(Fix.ALL_PARTS))) {
                    return List.of(COMMON);
                }
                return part ? List.of("level:" + fix.track()) : mix ? List.of(BUS) : List.of();
            }
            if (!part) {
                return List.of();
            }
            if (a.containsKey(Fix.PAN_PERCENT) || a.containsKey(Fix.BALANCE_DB)) {
                return List.of("pan:" + fix.track());
            }
            if (a.containsKey(Fix.WIDTH_PERCENT) || a.containsKey(Fix.SIDE_HIGH_PASS_HZ)) {
                return List.of("stereo:" + fix.track());
            }
            return List.of();
        }

        /** Why the state cannot be taken (a part over full scale, a fader too far, a state seen before), or null. */
        private String problemWith(PlanState next) {
            if (seen.contains(next.key())) {
                return SEEN;
            }
            for (String part : parts) {
                if (Math.abs(next.own.getOrDefault(part, 0.0) + next.global) > MOST_GAIN_DB) {
                    return "it would move " + part + " by more than " + (int) MOST_GAIN_DB
                            + " dB: no fader move places it";
                }
            }
            Map<String, Double> before = partPeaksDbfs(state);
            for (Map.Entry<String, Double> e : partPeaksDbfs(next).entrySet()) {
                double peak = e.getValue();
                if (peak > PART_PEAK_CEILING_DBFS && peak > before.getOrDefault(e.getKey(), peak) + NO_MOVE_DB) {
                    return String.format(Locale.ROOT, "it would take %s to %.1f dBFS, past full scale: the part is out"
                            + " of headroom", e.getKey(), peak);
                }
            }
            return null;
        }

        /** Each part's predicted sample peak, dBFS, in a state. */
        private Map<String, Double> partPeaksDbfs(PlanState s) {
            Map<String, Double> peaks = new HashMap<>();
            for (MeasuredTrack t : prediction.tracks(s.changes(parts))) {
                if (t.measured() && t.track().role().isPart()) {
                    t.scalar(MeasurementIds.SAMPLE_PEAK).ifPresent(p -> peaks.put(t.name(), p));
                }
            }
            return peaks;
        }

        /** Rides each lead vocal a WARN or PROBLEM still names; false when none needs it or the ride changes nothing. */
        private boolean rideLeadVocals(AnalysisResult judged) {
            boolean changed = false;
            for (Finding f : judged.findings()) {
                if (f.severity() != Severity.WARN && f.severity() != Severity.PROBLEM
                        || !Rides.RULE_ID.equals(f.ruleId())) {
                    continue;
                }
                for (String name : f.tracks()) {
                    if (!parts.contains(name) || request.refused().contains("ride:" + name)
                            || roleOf(name) != Role.LEAD_VOCAL) {
                        continue;
                    }
                    // Worked out from scratch: the static move the vocal's own finding asked for before may be
                    // what the ride does better (one stretch low is a ride, not a fader move and a ride back).
                    PlanState next = state.copy();
                    next.rides.remove(name);
                    next.own.remove(name);
                    Rides.Ride ride = Rides.of(name, base, prediction.tracks(next.changes(parts)),
                            request.rideLimitDb(), base.session().panLaw());
                    if (ride == null) {
                        continue;
                    }
                    if (Math.abs(ride.staticDb()) >= NO_MOVE_DB) {
                        next.own.put(name, ride.staticDb());
                    }
                    next.rides.put(name, ride.points());
                    if (!next.key().equals(state.key())) {
                        state = next;
                        seen.add(next.key());
                        rulesByMove.computeIfAbsent("ride:" + name, k -> new LinkedHashSet<>()).add(f.ruleId());
                        if (Math.abs(ride.staticDb()) >= NO_MOVE_DB) {
                            rulesByMove.computeIfAbsent("level:" + name, k -> new LinkedHashSet<>()).add(f.ruleId());
                        }
                        changed = true;
                    }
                }
            }
            return changed;
        }

        private Role roleOf(String name) {
            return base.session().tracks().stream().filter(t -> t.name().equals(name)).map(Track::role).findFirst()
                    .orElse(Role.OTHER);
        }

        /**
         * Every part moved by about the same amount is one move of every part together (a VCA or the mix bus), not a
         * fader move per part: the common amount is taken out of the parts' moves when the judgement stays the same.
         */
        private void consolidateCommonGain() {
            if (parts.size() < 2 || refused(COMMON)) {
                return;
            }
            List<Double> gains = new ArrayList<>();
            for (String part : parts) {
                gains.add(state.own.getOrDefault(part, 0.0));
            }
            List<Double> sorted = new ArrayList<>(gains);
            sorted.sort(null);
            double median = sorted.get(sorted.size() / 2);
            if (Math.abs(median) < 0.5 || gains.stream().anyMatch(g -> Math.abs(g - median) > 0.5)) {
                return;
            }
            PlanState next = state.copy();
            next.global += median;
            next.fromCommon += Math.abs(median);
            for (String part : parts) {
                double rest = next.own.getOrDefault(part, 0.0) - median;
                if (Math.abs(rest) < NO_MOVE_DB) {
                    next.own.remove(part);
                } else {
                    next.own.put(part, rest);
                }
            }
            Set<String> answered = new LinkedHashSet<>();
            for (String part : parts) {
                answered.addAll(rulesByMove.getOrDefault("level:" + part, Set.of()));
                if (!next.own.containsKey(part)) {
                    rulesByMove.remove("level:" + part);
                }
            }
            rulesByMove.computeIfAbsent(COMMON, k -> new LinkedHashSet<>()).addAll(answered);
            state = next;
        }
    }

    /**
     * The analysis with the rules that failed in it (threw, hung, lied) disabled: a planning step judges the
     * predicted measurements dozens of times, and a rule that hung once would hold up every step. The analysis's
     * report already has their RULE ERROR, and the plan says it could not take them into account.
     */
    static AnalysisResult withoutFailedRules(AnalysisResult base) {
        Map<String, RuleSettings> settings = new LinkedHashMap<>(base.ruleSet().rules());
        boolean any = false;
        for (AppliedRule rule : base.rules()) {
            if (FAILED.equals(rule.outcome())) {
                RuleSettings old = settings.get(rule.ruleId());
                settings.put(rule.ruleId(), new RuleSettings(false, old == null ? Map.of() : old.parameters()));
                any = true;
            }
        }
        if (!any) {
            return base;
        }
        RuleSet set = base.ruleSet();
        RuleSet without = new RuleSet(set.id(), set.title(), set.description(), set.extendsId(), settings,
                set.source(), set.deliverable());
        return new AnalysisResult(base.session(), without, base.tracks(), base.rules(), base.findings(),
                base.startedAt(), base.elapsed(), base.versions(), base.groups(), base.deliverable());
    }

    /** A stereo fix that adds to one already made: the stronger of each action (the narrower width, higher corner). */
    private static Fix merge(Fix kept, Fix more) {
        Fix merged = kept;
        for (Map.Entry<String, Object> e : more.actions().entrySet()) {
            Object old = merged.actions().get(e.getKey());
            boolean stronger = !(old instanceof Number o) || !(e.getValue() instanceof Number v)
                    || (Fix.WIDTH_PERCENT.equals(e.getKey())
                            ? v.doubleValue() < o.doubleValue()
                            : v.doubleValue() > o.doubleValue());
            if (stronger) {
                merged = merged.and(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    /** The planner's state: every move made so far. */
    static final class PlanState {
        final Map<String, Double> own = new LinkedHashMap<>();
        /** The gain of every stem together, dB: the common (VCA) and the mix-bus moves, which render alike. */
        double global;
        /** How much of the global gain's movement the common-gain findings asked for, and the mix's, dB. */
        double fromCommon;
        double fromBus;
        final Map<String, List<GainPoint>> rides = new LinkedHashMap<>();
        final Map<String, Fix> pans = new LinkedHashMap<>();
        final Map<String, Fix> stereo = new LinkedHashMap<>();

        /** Whether the global gain is the mix bus's move (the mix's rules asked for most of it), not a VCA's. */
        boolean isBusMove() {
            return fromBus > fromCommon;
        }

        PlanState copy() {
            PlanState c = new PlanState();
            c.own.putAll(own);
            c.global = global;
            c.fromCommon = fromCommon;
            c.fromBus = fromBus;
            c.rides.putAll(rides);
            c.pans.putAll(pans);
            c.stereo.putAll(stereo);
            return c;
        }

        /** The state to 0.1 dB, to tell a state seen before. */
        String key() {
            Map<String, Long> gains = new java.util.TreeMap<>();
            own.forEach((k, v) -> gains.put(k, Math.round(v * 10)));
            return gains + "|" + Math.round(global * 10) + "|" + rides + "|" + pans
                    + "|" + stereo;
        }

        /** What the renderer applies to each part, by name. */
        Map<String, TrackChanges> changes(List<String> parts) {
            Map<String, TrackChanges> changes = new HashMap<>();
            for (String part : parts) {
                TrackChanges c = TrackChanges.none(part)
                        .withGainDb(round(own.getOrDefault(part, 0.0)) + round(global))
                        .withRide(rides.getOrDefault(part, List.of()));
                Fix pan = pans.get(part);
                Fix st = stereo.get(part);
                if (pan != null || st != null) {
                    Map<String, Object> a = new HashMap<>();
                    if (pan != null) {
                        a.putAll(pan.actions());
                    }
                    if (st != null) {
                        a.putAll(st.actions());
                    }
                    int slope = a.get(Fix.FILTER_SLOPE_DB_PER_OCTAVE) instanceof Number n
                            ? (int) Math.round(n.doubleValue())
                            : TrackChanges.DEFAULT_SLOPE_DB_PER_OCTAVE;
                    c = c.withStereo(false, null, number(a.get(Fix.PAN_PERCENT)),
                            a.get(Fix.BALANCE_DB) instanceof Number b ? b.doubleValue() : 0,
                            number(a.get(Fix.WIDTH_PERCENT)), number(a.get(Fix.SIDE_HIGH_PASS_HZ)),
                            slope > 0 && slope % 6 == 0 ? slope : TrackChanges.DEFAULT_SLOPE_DB_PER_OCTAVE);
                }
                changes.put(part, c);
            }
            return changes;
        }

        private static Double number(Object value) {
            return value instanceof Number n ? n.doubleValue() : null;
        }
    }
}
