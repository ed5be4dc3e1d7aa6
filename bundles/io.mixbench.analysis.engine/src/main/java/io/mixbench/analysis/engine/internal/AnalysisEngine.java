package io.mixbench.analysis.engine.internal;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AnalysisService;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFiles;
import io.mixbench.audio.AudioStream;
import io.mixbench.launch.PluginHost;
import io.mixbench.launch.PluginProblem;
import io.mixbench.meter.CrossTrackMeterFactory;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.TrackInfo;
import io.mixbench.rule.Finding;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Rule;
import io.mixbench.rule.Severity;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The analysis service. Decoders, meters and rules are tracked dynamically: a plug-in installed while the
 * program runs takes part in the next analysis, and each analysis works on a snapshot taken when it starts.
 */
@Component(service = {AnalysisService.class, AudioFiles.class})
public final class AnalysisEngine implements AnalysisService, AudioFiles {

    private final ConcurrentSkipListSet<ServiceEntry<AudioDecoder>> decoders = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<ServiceEntry<MeterFactory>> meters = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<ServiceEntry<Rule>> rules = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<ServiceEntry<CrossTrackMeterFactory>> crossTrackMeters = new ConcurrentSkipListSet<>();

    private final ExecutorService coordinators = Executors.newCachedThreadPool(daemonThreads("mixbench-analysis"));
    private final ExecutorService trackThreads = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), daemonThreads("mixbench-meter"));
    private final ExecutorService ruleThreads = Executors.newCachedThreadPool(daemonThreads("mixbench-rule"));
    /** Helpers that measure one file beside its track thread when cores are idle; not the track pool, which is full. */
    private final ExecutorService laneThreads = Executors.newCachedThreadPool(daemonThreads("mixbench-lane"));

    /**
     * System property: the threads that measure the tracks (default: the cores). The tracks still to measure
     * share them, so a lone file gets them all; {@code 1} forces the one-thread path (tests compare the two).
     */
    static final String METER_THREADS_PROPERTY = "mixbench.meterThreads";

    /** The threads that measure the tracks; 0: the property, else the cores. Tests set it. */
    int meterThreads;

    /** Each meter factory's declared cost ({@link TrackMeasurer#COST_PROPERTY}). */
    private final Map<MeterFactory, Double> meterCosts = java.util.Collections
            .synchronizedMap(new java.util.IdentityHashMap<>());

    /** Whether meters are split by their costs; tests clear it to split them round-robin. */
    boolean splitByCost = true;
    private String engineVersion = "unknown";
    private BundleContext bundleContext;

    /** The launcher's view of the plug-ins; absent when the engine runs outside the launcher (unit tests). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginHost pluginHost;

    @Activate
    void activate(BundleContext context) {
        bundleContext = context;
        engineVersion = context.getBundle().getVersion().toString();
    }

    @Deactivate
    void deactivate() {
        coordinators.shutdownNow();
        trackThreads.shutdownNow();
        laneThreads.shutdownNow();
        ruleThreads.shutdownNow();
        try {
            // Decoding stops at the next block; wait for it so no file is written after the service has gone.
            // Rule threads are not waited for: a hung rule never ends.
            coordinators.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            trackThreads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            laneThreads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDecoder(AudioDecoder decoder, ServiceReference<AudioDecoder> ref) {
        decoders.add(ServiceEntry.of(decoder, ref));
    }

    void removeDecoder(AudioDecoder decoder) {
        decoders.removeIf(e -> e.service() == decoder);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addMeter(MeterFactory meter, ServiceReference<MeterFactory> ref) {
        Object cost = ref.getProperty(TrackMeasurer.COST_PROPERTY);
        double declared = TrackMeasurer.DEFAULT_COST;
        try {
            declared = cost == null ? declared : Double.parseDouble(cost.toString());
        } catch (NumberFormatException e) {
            // a plug-in's typo costs it nothing but a less even split
        }
        meterCosts.put(meter, Double.isFinite(declared) && declared >= 0 ? declared : TrackMeasurer.DEFAULT_COST);
        meters.add(ServiceEntry.of(meter, ref));
    }

    void removeMeter(MeterFactory meter) {
        meters.removeIf(e -> e.service() == meter);
        meterCosts.remove(meter);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRule(Rule rule, ServiceReference<Rule> ref) {
        rules.add(ServiceEntry.of(rule, ref));
    }

    void removeRule(Rule rule) {
        rules.removeIf(e -> e.service() == rule);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addCrossTrackMeter(CrossTrackMeterFactory meter, ServiceReference<CrossTrackMeterFactory> ref) {
        crossTrackMeters.add(ServiceEntry.of(meter, ref));
    }

    void removeCrossTrackMeter(CrossTrackMeterFactory meter) {
        crossTrackMeters.removeIf(e -> e.service() == meter);
    }

    @Override
    public AnalysisJob submit(AnalysisRequest request, AnalysisListener listener) {
        Job job = new Job(request, listener == null ? AnalysisListener.NONE : listener);
        job.start();
        return job;
    }

    private final class Job implements AnalysisJob {
        private final AnalysisRequest request;
        private final AnalysisListener listener;
        private final CompletableFuture<AnalysisResult> result = new CompletableFuture<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Future<?> coordinator;

        Job(AnalysisRequest request, AnalysisListener listener) {
            this.request = request;
            this.listener = listener;
        }

        void start() {
            coordinator = coordinators.submit(() -> {
                try {
                    result.complete(run());
                } catch (CancellationException e) {
                    result.cancel(false);
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        }

        @Override
        public CompletableFuture<AnalysisResult> result() {
            return result;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            result.cancel(false);
            Future<?> c = coordinator;
            if (c != null) {
                c.cancel(true);
            }
        }

        /**
         * The cross-track pass: each factory picks groups of measured tracks; each group's files are decoded in
         * lockstep on the track threads. A meter that fails is reported and the rest stands.
         */
        private List<GroupMeasurement> measureGroups(List<MeasuredTrack> usable, List<AudioDecoder> decoderSnapshot,
                List<ServiceEntry<CrossTrackMeterFactory>> factories, List<Finding> findings)
                throws InterruptedException {
            List<TrackInfo> infos = usable.stream().map(t -> new TrackInfo(t.name(), t.track().role().id(),
                    t.track().group(), t.format())).toList();
            record Pending(ServiceEntry<CrossTrackMeterFactory> factory, List<MeasuredTrack> tracks,
                    Future<Map<String, io.mixbench.meter.Measurement>> result) {
            }
            List<Pending> pending = new ArrayList<>();
            for (ServiceEntry<CrossTrackMeterFactory> entry : factories) {
                CrossTrackMeterFactory factory = entry.service();
                try {
                    for (int[] group : factory.groups(infos)) {
                        List<MeasuredTrack> members = new ArrayList<>();
                        List<TrackInfo> memberInfos = new ArrayList<>();
                        for (int i : group) {
                            members.add(usable.get(i));
                            memberInfos.add(infos.get(i));
                        }
                        var meter = factory.create(memberInfos);
                        pending.add(new Pending(entry, members, trackThreads.submit(() -> GroupMeasurer.measure(
                                members.stream().map(MeasuredTrack::track).toList(), decoderSnapshot, meter,
                                cancelled::get))));
                    }
                } catch (RuntimeException | LinkageError e) {
                    findings.add(crossTrackError(entry, List.of(), "failed: " + e));
                }
            }
            List<GroupMeasurement> groups = new ArrayList<>();
            for (Pending p : pending) {
                List<String> names = p.tracks.stream().map(MeasuredTrack::name).toList();
                try {
                    Map<String, io.mixbench.meter.Measurement> measurements = p.result.get();
                    groups.add(new GroupMeasurement(p.factory.service().id(), names,
                            measurements == null ? Map.of() : measurements));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof CancellationException c) {
                        throw c;
                    }
                    findings.add(crossTrackError(p.factory, names, "failed: " + e.getCause()));
                }
            }
            return groups;
        }

        private AnalysisResult run() throws InterruptedException {
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            Session session = request.session();
            List<AudioDecoder> decoderSnapshot = decoders.stream().map(ServiceEntry::service).toList();
            List<ServiceEntry<MeterFactory>> meterSnapshot = List.copyOf(meters);
            List<ServiceEntry<Rule>> ruleSnapshot = List.copyOf(rules);
            List<ServiceEntry<CrossTrackMeterFactory>> crossTrackSnapshot = List.copyOf(crossTrackMeters);

            List<Track> tracks = session.tracks();
            Progress progress = new Progress(listener, tracks);
            AnalysisCache cache = request.useCache() ? AnalysisCache.of(session) : null;
            if (cache != null) {
                cache.sweepStaleTemporaries();
            }
            String meterKey = AnalysisCache.meterKey(List.copyOf(decoders), meterSnapshot);
            List<Future<TrackMeasurer.Outcome>> futures = new ArrayList<>();
            int threads = meterThreads > 0
                    ? meterThreads
                    : Integer.getInteger(METER_THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
            AtomicInteger unfinished = new AtomicInteger(tracks.size());
            double[] costs = splitByCost
                    ? meterSnapshot.stream().mapToDouble(
                            e -> meterCosts.getOrDefault(e.service(), TrackMeasurer.DEFAULT_COST)).toArray()
                    : null;
            for (int i = 0; i < tracks.size(); i++) {
                Track track = tracks.get(i);
                int index = i;
                futures.add(trackThreads.submit(() -> {
                    Optional<MeasuredTrack> cached = cache == null
                            ? Optional.empty()
                            : cache.load(track, meterKey, listener::note);
                    TrackMeasurer.Outcome outcome;
                    if (cached.isPresent()) {
                        unfinished.decrementAndGet();
                        outcome = new TrackMeasurer.Outcome(cached.get(), List.of());
                    } else {
                        progress.message("Measuring " + track.name());
                        // The threads are shared by the tracks still to measure, this one included.
                        int lanes = Math.max(1, threads / Math.max(1, unfinished.get()));
                        try {
                            outcome = TrackMeasurer.measure(track, decoderSnapshot, meterSnapshot, cancelled::get,
                                    fraction -> progress.track(index, fraction),
                                    new TrackMeasurer.Lanes(laneThreads, lanes, costs));
                        } finally {
                            unfinished.decrementAndGet();
                        }
                        if (cache != null && outcome.meterFailures().isEmpty()) {
                            cache.store(outcome.track(), meterKey);
                        }
                    }
                    progress.track(index, 1.0);
                    listener.trackMeasured(outcome.track());
                    return outcome;
                }));
            }
            List<MeasuredTrack> measuredTracks = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            try {
                for (Future<TrackMeasurer.Outcome> f : futures) {
                    TrackMeasurer.Outcome outcome = f.get();
                    measuredTracks.add(outcome.track());
                    if (!outcome.track().measured()) {
                        findings.add(Finding.of("decode", Severity.PROBLEM).tracks(outcome.track().name())
                                .message("Cannot analyse " + outcome.track().name() + ": " + outcome.track().error())
                                .suggestion("Export the file again, or remove it from the session.").build());
                    }
                    for (TrackMeasurer.MeterFailure mf : outcome.meterFailures()) {
                        findings.add(Finding.of("meter:" + mf.meterId(), Severity.RULE_ERROR)
                                .tracks(outcome.track().name()).message("Meter " + mf.meterId() + " (bundle "
                                        + mf.bundle() + ") " + mf.message() + " on " + outcome.track().name() + ".")
                                .build());
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof CancellationException c) {
                    throw c;
                }
                throw new IllegalStateException("measuring failed unexpectedly", e.getCause());
            } catch (InterruptedException | CancellationException e) {
                cancelled.set(true);
                futures.forEach(f -> f.cancel(true));
                throw new CancellationException("analysis cancelled");
            }
            if (cancelled.get()) {
                throw new CancellationException("analysis cancelled");
            }
            findings.addAll(unresolvedPlugins());
            Set<String> plugins = pluginBundles();
            findings.addAll(pluginProblems(plugins));
            List<MeasuredTrack> usable = measuredTracks.stream().filter(MeasuredTrack::measured).toList();
            List<GroupMeasurement> groups = measureGroups(usable, decoderSnapshot, crossTrackSnapshot, findings);
            progress.message("Checking rules");
            JudgedDeliverable deliverable = Deliverables.resolve(request, usable);
            RuleRunner.Outcome rulesOutcome = RuleRunner.run(session, usable, groups, request.ruleSet(), deliverable,
                    ruleSnapshot, request.ruleTimeLimit(), ruleThreads, e -> plugins.contains(key(e)));
            findings.addAll(rulesOutcome.findings());
            findings.sort(FINDING_ORDER);
            List<AppliedRule> applied = new ArrayList<>(rulesOutcome.rules());
            applied.sort(Comparator.comparing(AppliedRule::ruleId));
            listener.progress(1.0, "Done");
            return new AnalysisResult(session, request.ruleSet(), measuredTracks, applied, findings, started,
                    Duration.ofNanos(System.nanoTime() - t0),
                    versions(decoders, meterSnapshot, ruleSnapshot, plugins), groups, deliverable);
        }
    }

    @Override
    public AnalysisResult judge(AnalysisResult measured, List<MeasuredTrack> tracks, List<GroupMeasurement> groups,
            Duration ruleTimeLimit) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<ServiceEntry<Rule>> ruleSnapshot = List.copyOf(rules);
        Set<String> plugins = pluginBundles();
        List<MeasuredTrack> usable = tracks.stream().filter(MeasuredTrack::measured).toList();
        RuleRunner.Outcome outcome = RuleRunner.run(measured.session(), usable, groups, measured.ruleSet(),
                measured.deliverable(), ruleSnapshot, ruleTimeLimit == null
                        ? AnalysisRequest.DEFAULT_RULE_TIME_LIMIT
                        : ruleTimeLimit,
                ruleThreads, e -> plugins.contains(key(e)));
        List<Finding> findings = new ArrayList<>(outcome.findings());
        findings.sort(FINDING_ORDER);
        List<AppliedRule> applied = new ArrayList<>(outcome.rules());
        applied.sort(Comparator.comparing(AppliedRule::ruleId));
        return new AnalysisResult(measured.session(), measured.ruleSet(), tracks, applied, findings, started,
                Duration.ofNanos(System.nanoTime() - t0), measured.versions(), groups, measured.deliverable());
    }

    @Override
    public AudioStream open(Path file) throws IOException {
        return DecoderSelector.open(file, decoders.stream().map(ServiceEntry::service).toList());
    }

    private static Finding crossTrackError(ServiceEntry<CrossTrackMeterFactory> entry, List<String> tracks,
            String what) {
        String id = entry.service().id();
        return Finding.of("meter:" + id, Severity.RULE_ERROR).tracks(tracks)
                .message("Meter " + id + " (bundle " + entry.bundle() + " " + entry.bundleVersion() + ") " + what
                        + (tracks.isEmpty() ? "." : " on " + String.join(", ", tracks) + "."))
                .build();
    }

    /**
     * One RULE ERROR finding per bundle that does not resolve: whatever rules, meters or decoders it brings are
     * missing from this analysis, and the report must say so rather than look complete.
     */
    private List<Finding> unresolvedPlugins() {
        List<Finding> findings = new ArrayList<>();
        if (bundleContext == null) {
            return findings;
        }
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getState() != Bundle.INSTALLED || b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            String reason;
            PluginHost host = pluginHost;
            try {
                // Only plug-ins that failed to start are left INSTALLED. One that resolves now is started, through
                // the launcher when there is one (its activator runs within the plug-in start time limit); trying
                // to start one that still does not resolve runs none of its code and yields the resolver's reason.
                if (host != null && bundleContext.getBundle(0).adapt(FrameworkWiring.class)
                        .resolveBundles(List.of(b))) {
                    host.start(b);
                    continue;
                }
                b.start(Bundle.START_TRANSIENT);
                continue;
            } catch (BundleException | IllegalStateException | SecurityException e) {
                reason = e.getMessage();
            }
            findings.add(Finding.of("plugin", Severity.RULE_ERROR)
                    .message("Plug-in bundle " + b.getSymbolicName() + " " + b.getVersion() + " (" + b.getLocation()
                            + ") does not resolve, so what it brings is missing from this analysis: " + reason)
                    .build());
        }
        return findings;
    }

    /**
     * The versions of the bundles that took part, by symbolic name. A plug-in that has the symbolic name of a
     * product bundle must not pass for it: its entry is {@code "<name> (plug-in)"}.
     */
    private Map<String, String> versions(Iterable<ServiceEntry<AudioDecoder>> decoderEntries,
            List<ServiceEntry<MeterFactory>> meterEntries, List<ServiceEntry<Rule>> ruleEntries,
            Set<String> plugins) {
        Set<String> productNames = productBundleNames();
        Map<String, String> versions = new TreeMap<>();
        versions.put("mixbench", System.getProperty("mixbench.version", engineVersion));
        versions.put("io.mixbench.analysis.engine", engineVersion);
        List<ServiceEntry<?>> entries = new ArrayList<>();
        decoderEntries.forEach(entries::add);
        entries.addAll(meterEntries);
        entries.addAll(ruleEntries);
        for (ServiceEntry<?> e : entries) {
            boolean impostor = plugins.contains(key(e)) && productNames.contains(e.bundle());
            versions.put(impostor ? e.bundle() + " (plug-in)" : e.bundle(), e.bundleVersion());
        }
        return versions;
    }

    /** "symbolic name@version", unique among installed bundles (the framework refuses a second one). */
    static String key(ServiceEntry<?> entry) {
        return entry.bundle() + "@" + entry.bundleVersion();
    }

    private static String key(Bundle bundle) {
        return bundle.getSymbolicName() + "@" + bundle.getVersion();
    }

    /** The keys of the plug-in bundles (none when the engine runs without the launcher). */
    private Set<String> pluginBundles() {
        PluginHost host = pluginHost;
        Set<String> keys = new HashSet<>();
        if (host != null && bundleContext != null) {
            for (Bundle b : bundleContext.getBundles()) {
                if (host.isPlugin(b)) {
                    keys.add(key(b));
                }
            }
        }
        return keys;
    }

    private Set<String> productBundleNames() {
        PluginHost host = pluginHost;
        Set<String> names = new HashSet<>();
        if (host != null && bundleContext != null) {
            for (Bundle b : bundleContext.getBundles()) {
                if (!host.isPlugin(b)) {
                    names.add(b.getSymbolicName());
                }
            }
        }
        return names;
    }

    /**
     * RULE ERROR {@code plugin} findings for what the launcher saw go wrong with plug-ins (not a bundle, an
     * activator that threw, tried to end the process or never returned) and for a plug-in that has the symbolic
     * name of a product bundle. A bundle that does not resolve is left to {@link #unresolvedPlugins()}.
     */
    private List<Finding> pluginProblems(Set<String> plugins) {
        List<Finding> findings = new ArrayList<>();
        PluginHost host = pluginHost;
        if (host == null || bundleContext == null) {
            return findings;
        }
        Set<String> reported = new HashSet<>();
        for (PluginProblem problem : host.problems()) {
            Bundle bundle = bundleContext.getBundle(problem.location());
            boolean gone = bundle == null && !problem.version().isEmpty();
            boolean fine = bundle != null
                    && (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.INSTALLED);
            if (gone || fine || !reported.add(problem.location())) {
                continue;
            }
            findings.add(Finding.of("plugin", Severity.RULE_ERROR)
                    .message(sentence(problem.message()) + " What it brings is missing from this analysis.").build());
        }
        Map<String, Bundle> products = new HashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (!host.isPlugin(b)) {
                products.put(b.getSymbolicName(), b);
            }
        }
        for (Bundle b : bundleContext.getBundles()) {
            Bundle product = products.get(b.getSymbolicName());
            if (product != null && plugins.contains(key(b))) {
                findings.add(Finding.of("plugin", Severity.RULE_ERROR).message("Plug-in bundle "
                        + b.getSymbolicName() + " " + b.getVersion() + " (" + b.getLocation()
                        + ") has the symbolic name of the product's bundle " + product.getSymbolicName() + " "
                        + product.getVersion() + "; the report's versions list it as '" + b.getSymbolicName()
                        + " (plug-in)'. Give the plug-in a name of its own.").build());
            }
        }
        return findings;
    }

    private static String sentence(String text) {
        String upper = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return upper.endsWith(".") ? upper : upper + ".";
    }

    /** Most severe first (a rule error first of all), then by rule, then by first track. */
    static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing((Finding f) -> f.severity(), Comparator.reverseOrder())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.tracks().isEmpty() ? "" : f.tracks().get(0));

    /** A track's weight in progress: its file size, as a stand-in for its length. */
    private static double weight(Track t) {
        try {
            return Math.max(1, java.nio.file.Files.size(t.file()));
        } catch (java.io.IOException | RuntimeException e) {
            return 1;
        }
    }

    /** Progress weighted by file size, reported at most every 1 % so listeners are not flooded. */
    private static final class Progress {
        private final AnalysisListener listener;
        private final double[] weights;
        private final double[] done;
        private final double total;
        private int lastPercent = -1;
        private String message = "Starting";

        Progress(AnalysisListener listener, List<Track> tracks) {
            this.listener = listener;
            this.weights = tracks.stream().mapToDouble(AnalysisEngine::weight).toArray();
            this.done = new double[weights.length];
            this.total = java.util.Arrays.stream(weights).sum();
        }

        synchronized void message(String text) {
            message = text;
            listener.progress(fraction(), text);
        }

        /** Track {@code index} is {@code fraction} done. */
        synchronized void track(int index, double fraction) {
            done[index] = Math.min(1, Math.max(done[index], fraction));
            int percent = (int) (fraction() * 100);
            if (percent > lastPercent) {
                lastPercent = percent;
                listener.progress(fraction(), message);
            }
        }

        private double fraction() {
            double sum = 0;
            for (int i = 0; i < done.length; i++) {
                sum += done[i] * weights[i];
            }
            // Rules take the last 5 %.
            return total <= 0 ? 0 : 0.95 * sum / total;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
