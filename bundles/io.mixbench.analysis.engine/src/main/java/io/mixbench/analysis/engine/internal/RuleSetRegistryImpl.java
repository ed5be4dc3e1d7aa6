package io.mixbench.analysis.engine.internal;

import io.mixbench.launch.PluginHost;
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
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
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
    private final Map<Long, List<String>> bundleProblems = new ConcurrentHashMap<>();
    private final Map<Rule, Described> rules = new ConcurrentHashMap<>();
    private BundleTracker<Long> tracker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginHost pluginHost;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                if (header == null) {
                    return null;
                }
                List<String> problems = new ArrayList<>();
                bundleSets.put(bundle.getBundleId(), readBundleSets(bundle, header, problems));
                bundleProblems.put(bundle.getBundleId(), problems);
                return bundle.getBundleId();
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                bundleSets.remove(id);
                bundleProblems.remove(id);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRule(Rule rule, ServiceReference<Rule> ref) {
        // A rule that cannot describe itself (it throws, or returns null) has no parameters to validate. It is
        // not logged here: the analysis reports it as a RULE ERROR, and `rules` and `plugins` name its bundle in
        // one line.
        try {
            RuleDescriptor descriptor = rule.descriptor();
            if (descriptor != null) {
                rules.put(rule, new Described(descriptor, ref));
            }
        } catch (RuntimeException | LinkageError e) {
            rules.remove(rule);
        }
    }

    void removeRule(Rule rule) {
        rules.remove(rule);
    }

    /** A rule's descriptor and its service, for choosing between two rules with one id. */
    private record Described(RuleDescriptor descriptor, ServiceReference<Rule> ref) {
    }

    private List<RuleSet> readBundleSets(Bundle bundle, String header, List<String> problems) {
        List<RuleSet> sets = new ArrayList<>();
        for (String resource : header.split(",")) {
            String path = resource.trim();
            if (path.isEmpty()) {
                continue;
            }
            String source = "bundle:" + bundle.getSymbolicName() + "/" + path;
            URL url = bundle.getEntry(path);
            if (url == null) {
                problems.add(source + ": listed in " + HEADER + " but not in the bundle");
                continue;
            }
            try (InputStream in = url.openStream()) {
                RuleSetParser.Parsed parsed = RuleSetParser.parse(in, source);
                RuleSetValidator.validate(parsed, descriptors(), r -> Map.of(), false);
                sets.add(parsed.ruleSet());
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return sets;
    }

    /**
     * The rules' descriptors by id. Of two rules with one id the product's counts (the analysis runs only it and
     * reports the plug-in's), else the one registered first.
     */
    private Map<String, RuleDescriptor> descriptors() {
        PluginHost host = pluginHost;
        Comparator<Described> productFirst = Comparator.comparing((Described d) -> {
            Bundle b = d.ref().getBundle();
            return host != null && b != null && host.isPlugin(b);
        }).thenComparing(d -> d.ref().getProperty(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE);
        Map<String, RuleDescriptor> byId = new HashMap<>();
        rules.values().stream().sorted(productFirst)
                .forEach(d -> byId.putIfAbsent(d.descriptor().id(), d.descriptor()));
        return byId;
    }

    /** The shipped sets (from bundles), by id. */
    private Map<String, RuleSet> shipped() {
        Map<String, RuleSet> byId = new LinkedHashMap<>();
        bundleSets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(s -> byId.putIfAbsent(s.id(), s)));
        return byId;
    }

    /** The shipped sets and the valid sets of the user's folder, by id (unresolved). */
    private Map<String, RuleSet> installed() {
        return installed(new ArrayList<>());
    }

    private Map<String, RuleSet> installed(List<String> problems) {
        return installed(problems, new HashMap<>());
    }

    /**
     * @param rejected filled with the problem of each user set, by id, that is not installed because it is invalid
     */
    private Map<String, RuleSet> installed(List<String> problems, Map<String, String> rejected) {
        Map<String, RuleSet> byId = shipped();
        Map<String, RuleSetParser.Parsed> user = new LinkedHashMap<>();
        for (Path file : userFiles()) {
            Optional<String> special = RegularFiles.problem(file);
            if (special.isPresent()) {
                problems.add(file + ": " + special.get());
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                RuleSetParser.Parsed parsed = RuleSetParser.parse(in, file.toString());
                String id = parsed.ruleSet().id();
                if (byId.containsKey(id) || user.containsKey(id)) {
                    problems.add(file + ": rule set id '" + id + "' is already taken by "
                            + (byId.containsKey(id) ? byId.get(id).source() : user.get(id).ruleSet().source()));
                    continue;
                }
                user.put(id, parsed);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        // A user set may extend a shipped set or another user set: validate each against its resolved parent.
        Map<String, RuleSet> candidates = new LinkedHashMap<>(byId);
        user.forEach((id, parsed) -> candidates.put(id, parsed.ruleSet()));
        Map<String, RuleDescriptor> descriptors = descriptors();
        for (var e : user.entrySet()) {
            RuleSetParser.Parsed parsed = e.getValue();
            try {
                // From the set itself, so a circle is named from where the user started: a -> b -> a.
                resolveChain(parsed.ruleSet(), candidates);
                RuleSet parent = parsed.ruleSet().extendsId() == null
                        ? null
                        : resolveChain(requireInstalled(parsed.ruleSet(), candidates), candidates);
                RuleSetValidator.validate(parsed, descriptors, r -> inheritedValues(parent, descriptors.get(r)), true);
                byId.put(e.getKey(), parsed.ruleSet());
            } catch (RuleSetException ex) {
                problems.add(ex.getMessage());
                rejected.put(e.getKey(), ex.getMessage());
            }
        }
        return byId;
    }

    private static RuleSet requireInstalled(RuleSet child, Map<String, RuleSet> installed) throws RuleSetException {
        RuleSet parent = installed.get(child.extendsId());
        if (parent == null) {
            throw new RuleSetException(child.source() + ": extends '" + child.extendsId()
                    + "', which is not installed (installed: " + String.join(", ", installed.keySet()) + ")");
        }
        return parent;
    }

    private List<Path> userFiles() {
        Path folder = userFolder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            // Special files are kept, to be reported (not opened) as problems.
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Path userFolder() {
        String override = System.getProperty("mixbench.configDir");
        Path config;
        if (override != null && !override.isBlank()) {
            config = Path.of(override);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            config = xdg != null && !xdg.isBlank()
                    ? Path.of(xdg).resolve("mixbench")
                    : Path.of(System.getProperty("user.home"), ".config", "mixbench");
        }
        return config.resolve("rulesets");
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        bundleProblems.values().forEach(problems::addAll);
        installed(problems);
        return problems;
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
        Optional<String> special = RegularFiles.problem(file);
        if (special.isPresent()) {
            throw new RuleSetException(file + ": " + special.get());
        }
        RuleSetParser.Parsed parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = RuleSetParser.parse(in, file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RuleSetException(file + ": file not found");
        }
        Map<String, RuleSet> installed = installed();
        RuleSet parent = parsed.ruleSet().extendsId() == null
                ? null
                : resolveChain(requireInstalled(parsed.ruleSet(), installed), installed);
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
        if (Files.exists(file)) {
            return load(file);
        }
        throw notFound(idOrPath, "nor a rule-set file");
    }

    /**
     * A session's set. A session file may come from anyone, so its {@code ruleSet} names a set by id or a file inside
     * the session folder, never a path elsewhere (whose content an error message could show).
     */
    @Override
    public RuleSet resolve(String idOrPath, Path sessionFolder) throws IOException {
        if (sessionFolder == null) {
            return resolve(idOrPath);
        }
        if (RuleSetParser.ID.matcher(idOrPath).matches()) {
            Path beside = insideFolder(idOrPath + ".ruleset.json", sessionFolder);
            if (beside != null) {
                return load(beside);
            }
        }
        Optional<RuleSet> installed = find(idOrPath);
        if (installed.isPresent()) {
            return installed.get();
        }
        Path file = insideFolder(idOrPath, sessionFolder);
        if (file == null) {
            throw notFound(idOrPath, "nor a rule-set file inside the session folder " + sessionFolder);
        }
        return load(file);
    }

    /** The file a relative path names inside {@code folder}, links resolved; null when it is elsewhere or missing. */
    private static Path insideFolder(String relative, Path folder) throws IOException {
        String portable = relative.replace('\\', '/');
        if (portable.isBlank() || portable.startsWith("/") || portable.matches("^[A-Za-z]:.*")) {
            return null;
        }
        Path base = folder.toAbsolutePath().normalize();
        Path file;
        try {
            file = base.resolve(portable).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!file.startsWith(base) || !Files.exists(file)) {
            return null;
        }
        // A link inside the folder may point out of it.
        return file.toRealPath().startsWith(base.toRealPath()) ? file : null;
    }

    /** An id that is neither installed nor a file: the id's own problem when it is an invalid user set. */
    private RuleSetException notFound(String idOrPath, String what) {
        Map<String, String> rejected = new HashMap<>();
        Map<String, RuleSet> installed = installed(new ArrayList<>(), rejected);
        if (rejected.containsKey(idOrPath)) {
            return new RuleSetException("rule set '" + idOrPath + "' cannot be used: " + rejected.get(idOrPath));
        }
        return new RuleSetException("'" + idOrPath + "' is neither an installed rule set (installed: "
                + String.join(", ", installed.keySet()) + ") " + what);
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
        // A set that states no deliverable judges what the set it extends judges.
        return new RuleSet(child.id(), child.title(), child.description(), child.extendsId(), rules, child.source(),
                child.deliverable() != null ? child.deliverable() : parent.deliverable());
    }
}
