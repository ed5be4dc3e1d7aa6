package io.mixbench.workspace.internal;

import io.mixbench.analysis.AnalysisJob;
import io.mixbench.analysis.AnalysisListener;
import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AnalysisService;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetException;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/** Services the workspace runs on, in memory: analyses complete when a test says so, never by time. */
final class Fakes {

    private Fakes() {
    }

    /** A session store over the real file system: a folder's *.wav files are its tracks, roles from names. */
    static final class Store implements SessionStore {
        @Override
        public Session open(Path folderOrSessionFile) throws IOException {
            if (!Files.isDirectory(folderOrSessionFile)) {
                throw new IOException(folderOrSessionFile + ": not a session folder");
            }
            try (Stream<Path> files = Files.list(folderOrSessionFile)) {
                return new Session(folderOrSessionFile, files.filter(f -> f.toString().endsWith(".wav")).sorted()
                        .map(Store::track).toList(), ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
            }
        }

        @Override
        public Session fromFiles(List<Path> files) throws IOException {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new IOException(f + ": not found");
                }
            }
            return new Session(files.get(0).toAbsolutePath().getParent(), files.stream().map(Store::track).toList(),
                    ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
        }

        static Track track(Path f) {
            String name = f.getFileName().toString().replaceFirst("\\.wav$", "");
            return new Track(name, f.toAbsolutePath(), Role.OTHER, null);
        }

        @Override
        public void save(Session session, Path sessionFile) throws IOException {
            Files.writeString(sessionFile, "{}");
        }

        @Override
        public Role guessRole(String fileName) {
            return Role.OTHER;
        }

        @Override
        public Set<String> audioFileExtensions() {
            return Set.of("wav", "flac");
        }
    }

    static RuleSet ruleSet(String id) {
        return new RuleSet(id, id, "", null, Map.of(), "test");
    }

    /** Knows the sets "default" and "other"; anything else does not load. */
    static final class Registry implements RuleSetRegistry {
        @Override
        public List<RuleSet> ruleSets() {
            return List.of(ruleSet("default"), ruleSet("other"));
        }

        @Override
        public Optional<RuleSet> find(String id) {
            return ruleSets().stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public RuleSet load(Path file) throws IOException {
            throw new RuleSetException(file + ": not a rule set");
        }

        @Override
        public RuleSet resolve(String idOrPath) throws IOException {
            return resolve(idOrPath, null);
        }

        @Override
        public RuleSet resolve(String idOrPath, Path sessionFolder) throws IOException {
            return find(idOrPath).orElseThrow(() -> new RuleSetException("no rule set '" + idOrPath + "'"));
        }

        @Override
        public Path userFolder() {
            return Path.of(System.getProperty("java.io.tmpdir")).resolve("mixbench-test-rulesets");
        }

        @Override
        public List<String> problems() {
            return List.of();
        }
    }

    /** One submitted analysis; the test completes or fails it. */
    record Submitted(AnalysisRequest request, AnalysisListener listener, CompletableFuture<AnalysisResult> future,
            boolean[] cancelled) implements AnalysisJob {
        @Override
        public CompletableFuture<AnalysisResult> result() {
            return future;
        }

        /** Only notes it: like the engine's, a cancelled analysis may still complete afterwards. */
        @Override
        public void cancel() {
            cancelled[0] = true;
        }

        /** Completes it with an empty result of its request. */
        AnalysisResult complete() {
            AnalysisResult r = new AnalysisResult(request.session(), request.ruleSet(), List.of(), List.of(),
                    List.of(), Instant.EPOCH, Duration.ZERO, Map.of());
            future.complete(r);
            return r;
        }
    }

    /** Records every submitted analysis; none completes by itself. */
    static final class Analysis implements AnalysisService {
        final BlockingQueue<Submitted> submitted = new LinkedBlockingQueue<>();

        @Override
        public AnalysisJob submit(AnalysisRequest request, AnalysisListener listener) {
            Submitted s = new Submitted(request, listener, new CompletableFuture<>(), new boolean[1]);
            submitted.add(s);
            return s;
        }

        @Override
        public AnalysisResult judge(AnalysisResult measured, List<io.mixbench.rule.MeasuredTrack> tracks,
                List<io.mixbench.rule.GroupMeasurement> groups, Duration ruleTimeLimit) {
            throw new AssertionError("the workspace's tests never judge again");
        }
    }

    /** A workspace over the fakes, as Declarative Services would wire it (no framework: no plug-ins). */
    static WorkspaceService workspace(Analysis analysis) {
        WorkspaceService w = new WorkspaceService();
        w.sessions = new Store();
        w.ruleSets = new Registry();
        w.analysis = analysis;
        return w;
    }

    /** Writes empty .wav files (the fake store never reads them). */
    static List<Path> wavs(Path dir, String... names) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            files.add(Files.write(dir.resolve(n.toLowerCase(Locale.ROOT) + ".wav"), new byte[0]));
        }
        return files;
    }
}
