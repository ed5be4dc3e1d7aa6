package io.mixbench.analysis.engine.internal;

import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetException;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.rule.RuleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;

/**
 * Rule sets from bundles and files. A bundle ships rule sets as data: its manifest header
 * {@value #HEADER} lists JSON resources in the rule-set format; they come and go with the bundle.
 */
@Component(service = RuleSetRegistry.class)
public final class RuleSetRegistryImpl implements RuleSetRegistry {

    /** Manifest header listing a bundle's rule-set resources, comma-separated. */
    public static final String HEADER = "Mixbench-RuleSets";

    private static final Logger LOG = Logger.getLogger(RuleSetRegistryImpl.class.getName());

    private final Map<Long, List<RuleSet>> bundleSets = new ConcurrentHashMap<>();
    private final Map<Rule, RuleDescriptor> rules = new ConcurrentHashMap<>();
    private BundleTracker<Long> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                if (header == null) {
                    return null;
                }
                bundleSets.put(bundle.getBundleId(), readBundleSets(bundle, header));
                return bundle.getBundleId();
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                bundleSets.remove(id);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRule(Rule rule) {
        try {
            rules.put(rule, rule.descriptor());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a rule could not describe itself: " + rule.getClass().getName(), e);
        }
    }

    void removeRule(Rule rule) {
        rules.remove(rule);
    }

    private List<RuleSet> readBundleSets(Bundle bundle, String header) {
        List<RuleSet> sets = new ArrayList<>();
        for (String resource : header.split(",")) {
            String path = resource.trim();
            if (path.isEmpty()) {
                continue;
            }
            String source = "bundle:" + bundle.getSymbolicName() + "/" + path;
            URL url = bundle.getEntry(path);
            if (url == null) {
                LOG.warning(source + ": listed in " + HEADER + " but not in the bundle");
                continue;
            }
            try (InputStream in = url.openStream()) {
                RuleSetParser.Parsed parsed = RuleSetParser.parse(in, source);
                RuleSetValidator.validate(parsed, descriptors(), r -> Map.of(), false);
                sets.add(parsed.ruleSet());
            } catch (IOException e) {
                LOG.warning(e.getMessage());
            }
        }
        return sets;
    }

    private Map<String, RuleDescriptor> descriptors() {
        Map<String, RuleDescriptor> byId = new HashMap<>();
        for (RuleDescriptor d : rules.values()) {
            byId.put(d.id(), d);
        }
        return byId;
    }

    private Map<String, RuleSet> installed() {
        Map<String, RuleSet> byId = new LinkedHashMap<>();
        bundleSets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(s -> byId.putIfAbsent(s.id(), s)));
        return byId;
    }

    @Override
    public List<RuleSet> ruleSets() {
        Map<String, RuleSet> installed = installed();
        List<RuleSet> resolved = new ArrayList<>();
        for (RuleSet s : installed.values()) {
            try {
                resolved.add(resolveChain(s, installed));
            } catch (RuleSetException e) {
                LOG.warning(e.getMessage());
            }
        }
        resolved.sort(Comparator.comparing(RuleSet::id));
        return resolved;
    }

    @Override
    public Optional<RuleSet> find(String id) {
        Map<String, RuleSet> installed = installed();
        RuleSet set = installed.get(id);
        if (set == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(resolveChain(set, installed));
        } catch (RuleSetException e) {
            LOG.warning(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public RuleSet load(Path file) throws IOException {
        RuleSetParser.Parsed parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = RuleSetParser.parse(in, file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RuleSetException(file + ": file not found");
        }
        Map<String, RuleSet> installed = installed();
        RuleSet parent = null;
        if (parsed.ruleSet().extendsId() != null) {
            RuleSet base = installed.get(parsed.ruleSet().extendsId());
            if (base == null) {
                throw new RuleSetException(file + ": extends '" + parsed.ruleSet().extendsId()
                        + "', which is not installed (installed: " + String.join(", ", installed.keySet()) + ")");
            }
            parent = resolveChain(base, installed);
        }
        Map<String, RuleDescriptor> descriptors = descriptors();
        RuleSet inheritedFrom = parent;
        RuleSetValidator.validate(parsed, descriptors,
                ruleId -> inheritedValues(inheritedFrom, descriptors.get(ruleId)),
                true);
        return parent == null ? parsed.ruleSet() : merge(parent, parsed.ruleSet());
    }

    @Override
    public RuleSet resolve(String idOrPath) throws IOException {
        Optional<RuleSet> installed = find(idOrPath);
        if (installed.isPresent()) {
            return installed.get();
        }
        Path file = Path.of(idOrPath);
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        throw new RuleSetException("'" + idOrPath + "' is neither an installed rule set (installed: "
                + String.join(", ", installed().keySet()) + ") nor a rule-set file");
    }

    private static Map<String, Double> inheritedValues(RuleSet parent, RuleDescriptor descriptor) {
        Map<String, Double> values = new HashMap<>();
        if (descriptor == null) {
            return values;
        }
        for (Parameter p : descriptor.parameters()) {
            values.put(p.id(), parent == null
                    ? p.defaultValue()
                    : parent.parameter(descriptor.id(), p.id()).orElse(p.defaultValue()));
        }
        return values;
    }

    private static RuleSet resolveChain(RuleSet set, Map<String, RuleSet> installed) throws RuleSetException {
        Set<String> seen = new LinkedHashSet<>();
        List<RuleSet> chain = new ArrayList<>();
        RuleSet current = set;
        while (current != null) {
            if (!seen.add(current.id())) {
                throw new RuleSetException(set.source() + ": rule sets extend each other in a circle: "
                        + String.join(" -> ", seen) + " -> " + current.id());
            }
            chain.add(0, current);
            if (current.extendsId() == null) {
                break;
            }
            RuleSet parent = installed.get(current.extendsId());
            if (parent == null) {
                throw new RuleSetException(current.source() + ": extends '" + current.extendsId()
                        + "', which is not installed");
            }
            current = parent;
        }
        RuleSet resolved = chain.get(0);
        for (int i = 1; i < chain.size(); i++) {
            resolved = merge(resolved, chain.get(i));
        }
        return resolved;
    }

    /** The child's settings over the parent's; the result keeps the child's identity. */
    static RuleSet merge(RuleSet parent, RuleSet child) {
        Map<String, RuleSettings> rules = new LinkedHashMap<>(parent.rules());
        child.rules().forEach((ruleId, settings) -> {
            RuleSettings base = rules.get(ruleId);
            if (base == null) {
                rules.put(ruleId, settings);
            } else {
                Map<String, Double> parameters = new LinkedHashMap<>(base.parameters());
                parameters.putAll(settings.parameters());
                rules.put(ruleId, new RuleSettings(settings.enabled() != null ? settings.enabled() : base.enabled(),
                        parameters));
            }
        });
        return new RuleSet(child.id(), child.title(), child.description(), child.extendsId(), rules, child.source());
    }
}
