package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rules.standard.internal.RuleSupport.Element;
import io.mixbench.rules.standard.internal.Sections.Section;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Section lift: sections detected from the mix's short-term loudness ({@link Sections}); whether the rhythm section
 * (kick, snare, drums bus, bass) gets louder into the loudest section with the mix, and whether effect returns are
 * pulled back, against the mix, in the sections where the most parts play.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + SectionLiftRule.ID)
public final class SectionLiftRule implements Rule {

    static final String ID = "section.lift";
    static final Set<Role> RHYTHM = Set.of(Role.KICK, Role.SNARE, Role.DRUMS_BUS, Role.BASS);
    /** A rise smaller than this is no rise: reports show 0.1 LU. */
    static final double AUDIBLE_LU = 0.05;
    /** Fix actions: the stretch of time a gain applies to (automation), s. Numbers. */
    static final String START_SECONDS = Fix.START_SECONDS;
    static final String END_SECONDS = Fix.END_SECONDS;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Section lift",
            "Sections from the mix's short-term loudness (binary segmentation, sections of at least "
                    + "minSectionSeconds differing by at least minChangeLu); the rhythm section's short-term "
                    + "loudness in the loudest section against the rest, and each FX return's loudness against the "
                    + "mix in the densest sections against the sparsest.",
            Set.of(), true, ExportKind.STEMS,
            List.of(new Parameter("minSectionSeconds", "Shortest section", Units.SECONDS, 1, 120, 4),
                    new Parameter("minChangeLu", "Least loudness difference between neighbouring sections", Units.LU,
                            0.5, 20, 3),
                    new Parameter("dropLu", "The rhythm section drops when it is this much quieter in the loudest "
                            + "section than in the rest", Units.LU, 0, 20, 1),
                    new Parameter("pullBackLu", "An FX return is pulled back when it sits this much lower against "
                            + "the mix in the dense sections than in the sparse ones", Units.LU, 0, 20, 1),
                    new Parameter("activeShare", "A part plays in a section when it is active on this share of it",
                            Units.PERCENT, 1, 100, 50)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Optional<MeasuredTrack> maybeMix = context.mix();
        if (maybeMix.isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no mix.");
        }
        MeasuredTrack mix = maybeMix.get();
        Optional<Series> series = mix.series(MeasurementIds.SHORT_TERM_SERIES);
        if (series.isEmpty() || series.get().size() == 0) {
            return List.of(RuleSupport.cannotJudge(ID, mix, "the sections of " + mix.name(),
                    "its short-term loudness series is missing or empty"));
        }
        Series s = series.get();
        double[] mixLoudness = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            mixLoudness[i] = s.get(i);
        }
        double step = s.stepSeconds();
        List<Section> sections = Sections.detect(mixLoudness, step, context.parameter("minSectionSeconds"),
                context.parameter("minChangeLu"));
        List<Finding> findings = new ArrayList<>();
        findings.add(sectionsFinding(context, mix, sections));
        if (sections.size() < 2) {
            return findings;
        }
        double[] mixLevels = levels(mixLoudness, sections);
        int loudest = 0;
        for (int i = 1; i < sections.size(); i++) {
            if (sections.get(i).meanLufs() > sections.get(loudest).meanLufs()) {
                loudest = i;
            }
        }
        findings.add(rhythm(context, mixLoudness, sections, mixLevels, loudest));
        findings.addAll(effects(context, mixLoudness, sections));
        return findings;
    }

    private static Finding sectionsFinding(RuleContext context, MeasuredTrack mix, List<Section> sections) {
        StringBuilder m = new StringBuilder();
        if (sections.size() < 2) {
            m.append(mix.name()).append(" is one section: its short-term loudness never changes by ")
                    .append(RuleSupport.f1(context.parameter("minChangeLu"))).append(" LU or more for ")
                    .append(RuleSupport.f1(context.parameter("minSectionSeconds")))
                    .append(" s or longer, so there is no louder section to lift into.");
            return Finding.of(ID, Severity.INFO).tracks(mix.name()).message(m.toString())
                    .timeRanges(sections.stream().map(Section::range).toList()).build();
        }
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        m.append(mix.name()).append(" has ").append(sections.size())
                .append(" sections by its short-term loudness (mean): ");
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            high = Math.max(high, section.meanLufs());
            low = Math.min(low, section.meanLufs());
            m.append(i == 0 ? "" : "; ").append(Sections.clock(section.range())).append(' ')
                    .append(RuleSupport.f1(section.meanLufs())).append(" LUFS");
        }
        m.append('.');
        return Finding.of(ID, Severity.INFO).tracks(mix.name()).message(m.toString())
                .measured(high - low, Units.LU, "mix short-term loudness, loudest section minus quietest (means)")
                .timeRanges(sections.stream().map(Section::range).toList()).build();
    }

    private static Finding rhythm(RuleContext context, double[] mixLoudness, List<Section> sections,
            double[] mixLevels, int loudest) {
        List<MeasuredTrack> tracks = context.parts().stream().filter(t -> RHYTHM.contains(t.track().role()))
                .toList();
        if (tracks.isEmpty()) {
            return Finding.of(ID, Severity.INFO)
                    .message("Cannot judge whether the rhythm section lifts because the session has no kick, snare, "
                            + "drums bus or bass.")
                    .build();
        }
        Element rhythm = RuleSupport.combined(tracks);
        String names = RuleSupport.joinNames(rhythm.trackNames());
        Optional<double[]> loudness = RuleSupport.loudnessSeries(context, rhythm, MeasurementIds.SHORT_TERM_SERIES);
        if (loudness.isEmpty()) {
            return RuleSupport.cannotJudge(ID, rhythm.trackNames(), "whether the rhythm section lifts",
                    "the short-term loudness series of " + names + " are missing");
        }
        double[] r = loudness.get();
        double[] rhythmLevels = levels(r, sections);
        Section top = sections.get(loudest);
        boolean[] rest = new boolean[mixLoudness.length];
        for (int i = 0; i < sections.size(); i++) {
            if (i != loudest) {
                for (int k = sections.get(i).steadyStart(); k < sections.get(i).steadyEnd(); k++) {
                    rest[k] = true;
                }
            }
        }
        double mixRest = RuleSupport.powerMean(mixLoudness, rest);
        double rhythmRest = RuleSupport.powerMean(r, rest);
        int rises = 0;
        int lifts = 0;
        double minChange = context.parameter("minChangeLu");
        for (int i = 0; i + 1 < sections.size(); i++) {
            if (sections.get(i + 1).meanLufs() - sections.get(i).meanLufs() >= minChange - RuleSupport.EPSILON_DB) {
                rises++;
                double before = rhythmLevels[i];
                double after = rhythmLevels[i + 1];
                if (Double.isFinite(after) && (!Double.isFinite(before) || after - before >= AUDIBLE_LU)) {
                    lifts++;
                }
            }
        }
        StringBuilder table = new StringBuilder(" Sections, mix / rhythm section short-term loudness (power means): ");
        for (int i = 0; i < sections.size(); i++) {
            table.append(i == 0 ? "" : "; ").append(Sections.clock(sections.get(i).range())).append(' ')
                    .append(level(mixLevels[i])).append(" / ").append(level(rhythmLevels[i])).append(" LUFS");
        }
        table.append('.');
        String where = " the loudest section (" + Sections.clock(top.range()) + ")";
        String lifted = " It lifts into " + lifts + " of the " + rises + " sections where the mix gets louder.";
        double dropLu = context.parameter("dropLu");
        List<TimeRange> range = List.of(top.range());
        if (!Double.isFinite(rhythmLevels[loudest])) {
            // resting entirely is an arrangement choice (a breakdown), not a level to move: no fix, INFO
            return Finding.of(ID, Severity.INFO).tracks(rhythm.trackNames()).timeRanges(range)
                    .message("The rhythm section (" + names + ") drops out in" + where + "." + lifted + table)
                    .target(Target.atLeast(-dropLu, Units.LU))
                    .suggestion("Make sure the rhythm section is meant to rest in" + where + ".").build();
        }
        if (!Double.isFinite(rhythmRest)) {
            return Finding.of(ID, Severity.INFO).tracks(rhythm.trackNames()).timeRanges(range)
                    .message("The rhythm section (" + names + ") plays only in" + where + ": it enters there."
                            + table)
                    .build();
        }
        double delta = rhythmLevels[loudest] - rhythmRest;
        double mixDelta = mixLevels[loudest] - mixRest;
        String verb = delta < -dropLu - RuleSupport.EPSILON_DB
                ? "drops " + RuleSupport.f1(-delta) + " LU"
                : delta < AUDIBLE_LU
                        ? "holds its level (" + RuleSupport.f1(delta) + " LU)"
                        : "rises " + RuleSupport.f1(delta) + " LU";
        String message = "The rhythm section (" + names + ") " + verb + " into" + where + ", where the mix rises "
                + RuleSupport.f1(mixDelta) + " LU over the rest of the song." + lifted + table;
        Finding.Builder builder = Finding.of(ID, Severity.INFO).tracks(rhythm.trackNames()).timeRanges(range)
                .message(message)
                .measured(delta, Units.LU, "rhythm section short-term loudness, loudest section minus the rest")
                .target(Target.atLeast(-dropLu, Units.LU));
        if (delta < -dropLu - RuleSupport.EPSILON_DB) {
            double gain = -delta;
            builder = Finding.of(ID, Severity.WARN).tracks(rhythm.trackNames()).timeRanges(range).message(message)
                    .measured(delta, Units.LU, "rhythm section short-term loudness, loudest section minus the rest")
                    .target(Target.atLeast(-dropLu, Units.LU))
                    .fixes(rhythm.trackNames().stream()
                            .map(track -> Fix.gain(track, gain)
                                    .and(START_SECONDS, RuleSupport.round1(top.range().startSeconds()))
                                    .and(END_SECONDS, RuleSupport.round1(top.range().endSeconds())))
                            .toList(),
                            "Ride " + names + " up by " + RuleSupport.f1(gain) + " dB from "
                                    + Sections.clock(top.range().startSeconds()) + " to "
                                    + Sections.clock(top.range().endSeconds())
                                    + " (automation), so the rhythm section lifts into the loudest section.");
        }
        return builder.build();
    }

    private static List<Finding> effects(RuleContext context, double[] mixLoudness, List<Section> sections) {
        List<MeasuredTrack> returns = context.withRole(Role.FX_RETURN);
        if (returns.isEmpty()) {
            return List.of(Finding.of(ID, Severity.INFO)
                    .message("No FX return in the session: nothing to say about effect returns in dense sections.")
                    .build());
        }
        List<Element> band = RuleSupport.elements(context.parts().stream()
                .filter(t -> t.track().role() != Role.FX_RETURN).toList());
        double share = context.parameter("activeShare") / 100;
        int[] density = new int[sections.size()];
        for (Element element : band) {
            Optional<boolean[]> active = RuleSupport.activity(element);
            if (active.isEmpty()) {
                continue;
            }
            for (int i = 0; i < sections.size(); i++) {
                Section section = sections.get(i);
                int on = 0;
                for (int k = section.start(); k < Math.min(section.end(), active.get().length); k++) {
                    on += active.get()[k] ? 1 : 0;
                }
                if (on >= share * (section.end() - section.start()) - 1e-9) {
                    density[i]++;
                }
            }
        }
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (int d : density) {
            max = Math.max(max, d);
            min = Math.min(min, d);
        }
        List<String> names = returns.stream().map(MeasuredTrack::name).toList();
        if (max == min) {
            return List.of(RuleSupport.cannotJudge(ID, names, "whether the effect returns are pulled back in dense "
                    + "sections", "every section has the same number of parts playing (" + max + ")"));
        }
        boolean[] dense = new boolean[mixLoudness.length];
        boolean[] sparse = new boolean[mixLoudness.length];
        List<TimeRange> denseRanges = new ArrayList<>();
        List<TimeRange> sparseRanges = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (density[i] == max || density[i] == min) {
                boolean[] mask = density[i] == max ? dense : sparse;
                (density[i] == max ? denseRanges : sparseRanges).add(section.range());
                for (int k = section.steadyStart(); k < section.steadyEnd(); k++) {
                    mask[k] = true;
                }
            }
        }
        double mixDense = RuleSupport.powerMean(mixLoudness, dense);
        double mixSparse = RuleSupport.powerMean(mixLoudness, sparse);
        String denseText = "the dense sections (" + max + " parts playing: " + ranges(denseRanges) + ")";
        String sparseText = "the sparse ones (" + min + ": " + ranges(sparseRanges) + ")";
        double pullBack = context.parameter("pullBackLu");
        List<Finding> findings = new ArrayList<>();
        for (MeasuredTrack fx : returns) {
            Element element = RuleSupport.combined(List.of(fx));
            Optional<double[]> loudness = RuleSupport.loudnessSeries(context, element,
                    MeasurementIds.SHORT_TERM_SERIES);
            if (loudness.isEmpty() || !Double.isFinite(mixDense) || !Double.isFinite(mixSparse)) {
                findings.add(RuleSupport.cannotJudge(ID, fx, "whether " + fx.name() + " is pulled back in dense "
                        + "sections",
                        loudness.isEmpty()
                                ? "its short-term loudness series is missing"
                                : "the mix is silent there"));
                continue;
            }
            double fxDense = RuleSupport.powerMean(loudness.get(), dense);
            double fxSparse = RuleSupport.powerMean(loudness.get(), sparse);
            Finding.Builder builder = Finding.of(ID, Severity.INFO).tracks(fx.name()).timeRanges(denseRanges);
            if (!Double.isFinite(fxDense)) {
                builder.message(fx.name() + " is silent in " + denseText + ": pulled back entirely.");
            } else if (!Double.isFinite(fxSparse)) {
                builder.message(fx.name() + " plays only in " + denseText + ", not in " + sparseText
                        + ": it is added where the mix is densest.");
            } else {
                double delta = (fxDense - mixDense) - (fxSparse - mixSparse);
                String verdict = delta <= -pullBack + RuleSupport.EPSILON_DB
                        ? "pulled back"
                        : delta <= RuleSupport.EPSILON_DB
                                ? "about as loud against the mix (not pulled back)"
                                : "louder against the mix, so it may cloud them";
                builder.message(fx.name() + " sits " + RuleSupport.f1(fxDense - mixDense) + " LU against the mix in "
                        + denseText + " and " + RuleSupport.f1(fxSparse - mixSparse) + " LU in " + sparseText + ": "
                        + RuleSupport.f1(Math.abs(delta)) + " LU " + (delta <= 0 ? "lower" : "higher") + " in the "
                        + "dense sections, " + verdict + ".")
                        .measured(delta, Units.LU,
                                "FX return minus mix short-term loudness, dense sections minus sparse ones")
                        .target(Target.atMost(-pullBack, Units.LU));
            }
            findings.add(builder.build());
        }
        return findings;
    }

    /** The power mean of a series over each section, LUFS; NaN where it has no value. */
    private static double[] levels(double[] loudness, List<Section> sections) {
        double[] levels = new double[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            boolean[] mask = new boolean[loudness.length];
            for (int k = sections.get(i).steadyStart(); k < Math.min(sections.get(i).steadyEnd(),
                    loudness.length); k++) {
                mask[k] = true;
            }
            levels[i] = RuleSupport.powerMean(loudness, mask);
        }
        return levels;
    }

    private static String level(double lufs) {
        return Double.isFinite(lufs) ? RuleSupport.f1(lufs) : "silent";
    }

    private static String ranges(List<TimeRange> ranges) {
        return String.join(", ", ranges.stream().map(Sections::clock).toList());
    }
}
