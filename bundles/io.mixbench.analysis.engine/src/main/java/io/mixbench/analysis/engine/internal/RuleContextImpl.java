package io.mixbench.analysis.engine.internal;

import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** One rule's view of one analysis: measured tracks plus that rule's parameter values. Immutable. */
final class RuleContextImpl implements RuleContext {

    private final Session session;
    private final List<MeasuredTrack> measured;
    private final RuleSet ruleSet;
    private final Map<String, Double> parameters;
    private final List<GroupMeasurement> groups;
    private final JudgedDeliverable deliverable;
    private final Map<String, RuleDescriptor> peers;

    /**
     * @param peers the descriptors of every installed rule that runs under its id, by id, for
     *            {@link #parameterOf(String, String)}
     */
    RuleContextImpl(Session session, List<MeasuredTrack> measured, List<GroupMeasurement> groups, RuleSet ruleSet,
            RuleDescriptor descriptor, Map<String, RuleDescriptor> peers, JudgedDeliverable deliverable) {
        this.deliverable = deliverable;
        this.session = session;
        this.peers = Map.copyOf(peers);
        this.measured = List.copyOf(measured);
        this.groups = List.copyOf(groups);
        this.ruleSet = ruleSet;
        this.parameters = effectiveParameters(ruleSet, descriptor);
    }

    /** The rule set's values where it sets them, else the declared defaults. */
    static Map<String, Double> effectiveParameters(RuleSet ruleSet, RuleDescriptor descriptor) {
        return descriptor.parameters().stream().collect(Collectors.toMap(Parameter::id, p -> {
            OptionalDouble set = ruleSet.parameter(descriptor.id(), p.id());
            return set.isPresent() ? set.getAsDouble() : p.defaultValue();
        }, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    Map<String, Double> parameters() {
        return parameters;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public List<MeasuredTrack> tracks() {
        return measured;
    }

    @Override
    public Optional<MeasuredTrack> mix() {
        return measured.stream().filter(t -> t.track().role() == Role.MIX).findFirst();
    }

    @Override
    public List<MeasuredTrack> withRole(Role role) {
        return measured.stream().filter(t -> t.track().role() == role).toList();
    }

    @Override
    public List<MeasuredTrack> parts() {
        return measured.stream().filter(t -> t.track().role().isPart()).toList();
    }

    @Override
    public double parameter(String parameterId) {
        Double value = parameters.get(parameterId);
        if (value == null) {
            throw new IllegalArgumentException("the rule did not declare a parameter '" + parameterId + "'");
        }
        return value;
    }

    @Override
    public OptionalDouble parameterOf(String ruleId, String parameterId) {
        RuleDescriptor peer = peers.get(ruleId);
        if (peer == null || !ruleSet.enables(ruleId)) {
            return OptionalDouble.empty();
        }
        for (Parameter declared : peer.parameters()) {
            if (declared.id().equals(parameterId)) {
                OptionalDouble set = ruleSet.parameter(ruleId, parameterId);
                return set.isPresent() ? set : OptionalDouble.of(declared.defaultValue());
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public double stereoLoudnessOffsetDb(MeasuredTrack track) {
        return track.isMono() ? session.panLaw().monoToStereoLoudnessOffsetDb() : 0.0;
    }

    @Override
    public String ruleSetId() {
        return ruleSet.id();
    }

    @Override
    public List<GroupMeasurement> groupMeasurements() {
        return groups;
    }

    @Override
    public JudgedDeliverable deliverable() {
        return deliverable;
    }
}
