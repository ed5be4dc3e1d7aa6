package io.mixbench.analysis.engine.internal;

import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.JudgedDeliverable.Source;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Deliverable;
import io.mixbench.session.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which deliverable an analysis judges the mix as. Precedence: the front end's choice ({@code --deliverable}), the
 * session file's {@code deliverable}, the rule set's statement (its own or the one of the set it extends), then a
 * guess from the audio. A rule set's statement is a default, not a constraint: the rules adapt to the deliverable, so
 * a set's values still mean something on another one, and whoever names the deliverable knows the file best.
 */
final class Deliverables {

    /** A master's true peak sits at its limiter's ceiling, at most this far below 0 dBTP. */
    static final double MASTER_MIN_TRUE_PEAK_DBTP = -3.0;
    /** A limited master's PLR (true peak minus integrated loudness) is at most this, LU; pre-masters read 14-20. */
    static final double MASTER_MAX_PLR_LU = 14.0;
    /**
     * A master's short-term loudness sits near its limiter's ceiling window by window: the median PSR (true peak
     * minus short-term loudness of each 3 s window) is at most this, LU.
     */
    static final double MASTER_MAX_PSR_LU = 13.0;

    private Deliverables() {
    }

    static JudgedDeliverable resolve(AnalysisRequest request, List<MeasuredTrack> measured) {
        if (request.deliverable() != null) {
            return new JudgedDeliverable(request.deliverable(), Source.OPTION, "");
        }
        if (request.session().deliverable() != null) {
            return new JudgedDeliverable(request.session().deliverable(), Source.SESSION, "");
        }
        if (request.ruleSet().deliverable() != null) {
            return new JudgedDeliverable(request.ruleSet().deliverable(), Source.RULE_SET, request.ruleSet().id());
        }
        return guess(measured);
    }

    /**
     * A lone bounce (no parts) whose true peak sits near 0 dBTP, with a low PLR and a short-term loudness near that
     * ceiling, is probably a master; anything else is judged as a pre-master, what the default values are for.
     */
    static JudgedDeliverable guess(List<MeasuredTrack> measured) {
        Optional<MeasuredTrack> mix = measured.stream().filter(t -> t.track().role() == Role.MIX).findFirst();
        if (mix.isEmpty()) {
            return new JudgedDeliverable(Deliverable.PRE_MASTER, Source.GUESSED, "from the session (it has no mix)");
        }
        if (measured.stream().anyMatch(t -> t.track().role().isPart())) {
            return new JudgedDeliverable(Deliverable.PRE_MASTER, Source.GUESSED,
                    "from the session (it has parts)");
        }
        OptionalDouble integrated = mix.get().scalar(MeasurementIds.INTEGRATED_LOUDNESS);
        OptionalDouble truePeak = mix.get().scalar(MeasurementIds.TRUE_PEAK);
        OptionalDouble plr = mix.get().scalar(MeasurementIds.PLR);
        OptionalDouble psr = mix.get().scalar(MeasurementIds.PSR_MEDIAN);
        if (integrated.isEmpty() || truePeak.isEmpty() || plr.isEmpty() || psr.isEmpty()) {
            return new JudgedDeliverable(Deliverable.PRE_MASTER, Source.GUESSED,
                    "from the audio (its loudness or true peak was not measured)");
        }
        String figures = String.format(Locale.ROOT,
                "from the audio (%.1f LUFS, PLR %.1f LU, median PSR %.1f LU, true peak %.1f dBTP",
                integrated.getAsDouble(), plr.getAsDouble(), psr.getAsDouble(), truePeak.getAsDouble());
        boolean master = truePeak.getAsDouble() >= MASTER_MIN_TRUE_PEAK_DBTP
                && plr.getAsDouble() <= MASTER_MAX_PLR_LU && psr.getAsDouble() <= MASTER_MAX_PSR_LU;
        if (master) {
            return new JudgedDeliverable(Deliverable.MASTER, Source.GUESSED, figures + ")");
        }
        return new JudgedDeliverable(Deliverable.PRE_MASTER, Source.GUESSED,
                figures + ": not limited to a ceiling as a master is)");
    }
}
