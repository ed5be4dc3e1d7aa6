package io.mixbench.rule;

import io.mixbench.session.Role;
import io.mixbench.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a rule gets for one evaluation: the session, the measured tracks, and the parameter values of the
 * active rule set. Provided by the analysis; immutable.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RuleContext {

    Session session();

    /** Every track that was measured (tracks that failed to decode are left out). */
    List<MeasuredTrack> tracks();

    /** The measured mix, if the session has one. */
    Optional<MeasuredTrack> mix();

    /** The measured parts with this role, in session order. */
    List<MeasuredTrack> withRole(Role role);

    /** The measured parts (not the mix, not references). */
    List<MeasuredTrack> parts();

    /**
     * The value of one of the rule's declared parameters: the rule set's setting, else the declared default.
     *
     * @throws IllegalArgumentException when the rule did not declare the parameter
     */
    double parameter(String parameterId);

    /**
     * The value of another rule's parameter in the active rule set (its setting, else that rule's declared default),
     * for rules whose judgement depends on another's target (e.g. a common level offset measured against every level
     * rule's range). Empty when no installed rule has that id, the rule set disables it, or it declares no such
     * parameter.
     *
     * @since 1.2
     */
    OptionalDouble parameterOf(String ruleId, String parameterId);

    /**
     * What to add, in dB, to a track's BS.1770 loudness to compare it with stereo parts: the session's pan-law
     * offset for mono tracks, 0 for others.
     */
    double stereoLoudnessOffsetDb(MeasuredTrack track);

    /** The id of the rule set the parameters come from. */
    String ruleSetId();

    /** What cross-track meters measured on groups of tracks (null test, mic alignment, ...), in no order. */
    List<GroupMeasurement> groupMeasurements();

    /**
     * What the mix is judged as (mix, pre-master, master) and why; each rule decides what applies to it
     * ({@code docs/rules.md}). Contexts that know nothing else judge a pre-master.
     */
    default JudgedDeliverable deliverable() {
        return JudgedDeliverable.PRE_MASTER_BY_DEFAULT;
    }
}
