package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.audio.AudioFiles;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.testing.DecodedAudio;
import io.mixbench.audio.testing.Decoding;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.audio.wav.internal.WavDecoder;
import io.mixbench.files.AtomicFiles;
import io.mixbench.plan.Plan;
import io.mixbench.plan.TrackChanges;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.session.Deliverable;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sessions of generated WAV files, their analysis as far as the renderer reads it, and what a render wrote. */
final class RenderFixture {

    static final int RATE_HZ = 48_000;
    static final Decoding DECODING = new Decoding(WavDecoder::new, "rendered.wav");
    /** Opens WAV files the way the product's AudioFiles service does for WAV. */
    static final AudioFiles AUDIO_FILES = file -> new WavDecoder()
            .open(new BufferedInputStream(Files.newInputStream(file)), file.toString());

    /** A session store that writes a line per track, through AtomicFiles, and keeps what it saved. */
    static final class SavingStore implements SessionStore {
        Session saved;

        @Override
        public void save(Session session, Path sessionFile) throws IOException {
            saved = session;
            StringBuilder text = new StringBuilder();
            session.tracks().forEach(t -> text.append(t.name()).append('\t').append(t.file()).append('\n'));
            AtomicFiles.write(sessionFile, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Session open(Path folderOrSessionFile) {
            throw new UnsupportedOperationException("open");
        }

        @Override
        public Session fromFiles(List<Path> files) {
            throw new UnsupportedOperationException("fromFiles");
        }

        @Override
        public Role guessRole(String fileName) {
            throw new UnsupportedOperationException("guessRole");
        }

        @Override
        public Set<String> audioFileExtensions() {
            return Set.of("wav");
        }
    }

    final Path folder;
    final List<Track> tracks = new ArrayList<>();
    final List<MeasuredTrack> measured = new ArrayList<>();

    RenderFixture(Path folder) {
        this.folder = folder;
    }

    /** Adds a track whose file holds {@code planar} samples (or, for null, a file that failed to decode). */
    RenderFixture track(String name, Role role, String group, WavEncoding encoding, int rateHz, float[]... planar)
            throws IOException {
        Path file = folder.resolve(name + ".wav");
        Track track = new Track(name, file, role, group);
        tracks.add(track);
        if (planar.length == 0) {
            measured.add(new MeasuredTrack(track, null, 0, Map.of(), file + ": no such file"));
            return this;
        }
        WavWriter.write(file, rateHz, encoding, planar);
        try (AudioStream stream = AUDIO_FILES.open(file)) {
            AudioFormat format = stream.format();
            measured.add(new MeasuredTrack(track, format, format.durationSeconds(), Map.of(), null));
        }
        return this;
    }

    RenderFixture part(String name, WavEncoding encoding, float[]... planar) throws IOException {
        return track(name, Role.OTHER, null, encoding, RATE_HZ, planar);
    }

    Session session() {
        return new Session(folder.resolve("Song." + SessionStore.SESSION_FILE_EXTENSION), tracks, ExportKind.STEMS,
                PanLaw.MINUS_3_DB, "rock", Map.of("colour", "blue"), Deliverable.MIX);
    }

    AnalysisResult analysis() {
        RuleSet rules = new RuleSet("rock", "Rock", "", null, Map.of(), "test");
        return new AnalysisResult(session(), rules, measured, List.of(), List.of(), Instant.EPOCH, Duration.ZERO,
                Map.of());
    }

    static Plan plan(TrackChanges... changes) {
        return new Plan("rock", List.of(), List.of(changes), 0, 0, List.of(), List.of(), Set.of());
    }

    static DecodedAudio.Decoded read(Path file) throws IOException {
        return DECODING.decode(file);
    }

    /** A sine of {@code frames} at {@code amplitude} (full scale = 1), as floats. */
    static float[] sine(double hz, double amplitude, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE_HZ));
        }
        return x;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
