package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.audio.AudioFiles;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.plan.Plan;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.RenderedSession;
import io.mixbench.plan.TrackChanges;
import io.mixbench.plan.internal.render.FileNames;
import io.mixbench.plan.internal.render.PartChain;
import io.mixbench.plan.internal.render.Quantizer;
import io.mixbench.plan.internal.render.StereoSource;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.SessionStore;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;

/**
 * Renders a plan: every measured part through its {@link PartChain}, decoded in lockstep {@value #BLOCK_FRAMES} frames
 * at a time (never a whole file in memory), written as a stem, and summed from the values the stem files hold into
 * the new mix, so the mix is their exact sum. Every file goes to a temporary file first and is moved into place only
 * when the whole render has succeeded; the session's own files are only read.
 */
final class PlanRenderer {

    /** The frames rendered per block, of every part at once. */
    static final int BLOCK_FRAMES = 8192;
    /** A mono stem in a stereo mix, in each channel: the null test's sum ({@code NullTestMeter}). */
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final String MIX_NAME = "Mix";
    private static final String WAV = "wav";

    private final AudioFiles audioFiles;
    private final SessionStore sessions;

    PlanRenderer(AudioFiles audioFiles, SessionStore sessions) {
        this.audioFiles = audioFiles;
        this.sessions = sessions;
    }

    /** One part being rendered: its file, its chain and its stem's writer. */
    private static final class Part {
        final MeasuredTrack measured;
        final TrackChanges changes;
        final Path stem;
        AudioStream stream;
        PartChain chain;
        WavEncoding encoding;
        Quantizer quantizer;
        WavWriter writer;
        float[][] block;
        float[][] spare;
        double[][] rendered;
        float[][] written;
        boolean ended;

        Part(MeasuredTrack measured, TrackChanges changes, Path stem) {
            this.measured = measured;
            this.changes = changes;
            this.stem = stem;
        }

        Path file() {
            return measured.track().file();
        }

        /** Reads the next {@code frames} frames, fewer at the end, then silence: the frames read. */
        int fill(int frames) throws IOException {
            int channels = block.length;
            int got = 0;
            while (!ended && got < frames) {
                int n = got == 0 ? stream.read(block, frames) : stream.read(spare, frames - got);
                if (n < 0) {
                    ended = true;
                } else if (got > 0) {
                    for (int c = 0; c < channels; c++) {
                        System.arraycopy(spare[c], 0, block[c], got, n);
                    }
                    got += n;
                } else {
                    got = n;
                }
            }
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(block[c], got, frames, 0f);
            }
            return got;
        }

        /** Renders the block read into the stem's samples as its file holds them, and writes them. */
        void render(int frames, long firstFrame) throws IOException {
            chain.process(block, frames, firstFrame, rendered);
            for (int c = 0; c < rendered.length; c++) {
                quantizer.quantize(rendered[c], written[c], frames);
            }
            writer.write(written, frames);
        }
    }

    RenderedSession render(Plan plan, AnalysisResult result, RenderRequest request, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        Session session = result.session();
        Path folder = request.folder().toAbsolutePath().normalize();
        List<Path> sources = sourceFiles(session);
        refuseSourceFolder(folder, sources);

        FileNames names = new FileNames();
        List<Part> parts = new ArrayList<>();
        for (MeasuredTrack measured : renderedParts(result)) {
            String name = measured.name();
            TrackChanges changes = plan.changesOf(name).orElse(TrackChanges.none(name));
            parts.add(new Part(measured, changes, folder.resolve(names.unique(name, WAV))));
        }
        if (parts.isEmpty()) {
            throw new IOException("Nothing to render: no part of " + session.location() + " was decoded");
        }
        String mixName = mixName(session);
        Path mix = folder.resolve(names.unique(mixName, WAV));
        Path sessionFile = folder.resolve(FileNames.safe(sessionName(session)) + "."
                + SessionStore.SESSION_FILE_EXTENSION);
        List<Path> outputs = new ArrayList<>();
        parts.forEach(p -> outputs.add(p.stem));
        outputs.add(mix);
        outputs.add(sessionFile);
        refuseSourceOutputs(outputs, sources);

        boolean created = !Files.exists(folder);
        try {
            return render(session, parts, mixName, mix, sessionFile, request.sampleFormat(), progress, cancelled);
        } catch (IOException | RuntimeException e) {
            if (created) {
                deleteIfEmpty(folder, e);
            }
            throw e;
        }
    }

    private RenderedSession render(Session session, List<Part> parts, String mixName, Path mix, Path sessionFile,
            RenderRequest.SampleFormat sampleFormat, DoubleConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        WavWriter mixWriter = null;
        Lanes lanes = new Lanes(Math.min(parts.size(), Runtime.getRuntime().availableProcessors()));
        try {
            for (Part part : parts) {
                part.stream = audioFiles.open(part.file());
            }
            int rate = commonSampleRate(parts);
            int mixChannels = 1;
            for (Part part : parts) {
                int channels = part.stream.format().channels();
                StereoSource look = PartChain.needsFirstLook(part.changes, channels)
                        ? firstLook(part, cancelled)
                        : null;
                try {
                    part.chain = new PartChain(part.changes, channels, rate, session.panLaw().centreGainDb(), look);
                } catch (IllegalArgumentException e) {
                    throw new IOException(part.file() + ": " + e.getMessage(), e);
                }
                int out = part.chain.outputChannels();
                mixChannels = Math.max(mixChannels, out);
                part.block = new float[channels][BLOCK_FRAMES];
                part.spare = new float[channels][BLOCK_FRAMES];
                part.rendered = new double[out][BLOCK_FRAMES];
                part.written = new float[out][BLOCK_FRAMES];
                part.encoding = encoding(sampleFormat, part.stream.format());
                String fileName = part.stem.getFileName().toString();
                // An unchanged part's samples already sit on its depth's steps: copied, not dithered.
                part.quantizer = part.changes.isNone()
                        ? Quantizer.plain(part.encoding)
                        : Quantizer.dithered(part.encoding, Quantizer.seed(fileName));
                part.writer = WavWriter.create(part.stem, rate, out, part.encoding);
            }
            WavEncoding mixEncoding = deepest(parts);
            Quantizer mixQuantizer = Quantizer.dithered(mixEncoding, Quantizer.seed(mix.getFileName().toString()));
            mixWriter = WavWriter.create(mix, rate, mixChannels, mixEncoding);

            double[][] sum = new double[mixChannels][BLOCK_FRAMES];
            float[][] mixWritten = new float[mixChannels][BLOCK_FRAMES];
            double peak = 0;
            long total = expectedFrames(parts, rate);
            long frame = 0;
            int[] got = new int[parts.size()];
            while (true) {
                checkCancelled(cancelled);
                lanes.run(parts.size(), p -> got[p] = parts.get(p).fill(BLOCK_FRAMES));
                int frames = java.util.Arrays.stream(got).max().orElse(0);
                if (frames == 0) {
                    break;
                }
                long first = frame;
                lanes.run(parts.size(), p -> parts.get(p).render(frames, first));
                for (double[] s : sum) {
                    java.util.Arrays.fill(s, 0, frames, 0.0);
                }
                for (Part part : parts) {
                    addToMix(part.written, sum, frames); // in session order, as the null test sums
                }
                for (int c = 0; c < mixChannels; c++) {
                    double[] s = sum[c];
                    for (int i = 0; i < frames; i++) {
                        peak = Math.max(peak, Math.abs(s[i]));
                    }
                    mixQuantizer.quantize(s, mixWritten[c], frames);
                }
                mixWriter.write(mixWritten, frames);
                frame += frames;
                if (total > 0) {
                    progress.accept(Math.min(1.0, (double) frame / total));
                }
            }
            checkCancelled(cancelled);
            Map<String, Path> stems = new LinkedHashMap<>();
            for (Part part : parts) {
                part.writer.close();
                stems.put(part.measured.name(), part.stem);
            }
            mixWriter.close();
            sessions.save(renderedSession(session, parts, mixName, mix, sessionFile), sessionFile);
            progress.accept(1.0);
            return new RenderedSession(sessionFile, stems, mix, peak > 0
                    ? 20 * Math.log10(peak)
                    : Double.NEGATIVE_INFINITY);
        } catch (IOException | RuntimeException | Error e) {
            // Nothing of a failed or cancelled render stays: every file not yet committed is deleted.
            for (Part part : parts) {
                discard(part.writer, e);
            }
            discard(mixWriter, e);
            throw e;
        } finally {
            lanes.close();
            for (Part part : parts) {
                closeQuietly(part.stream);
            }
        }
    }

    private static void discard(WavWriter writer, Throwable failure) {
        if (writer != null) {
            try {
                writer.discard();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Closes a file the render only read: a failure to close it changes nothing the render wrote. */
    private static void closeQuietly(AudioStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // read only
            }
        }
    }

    /** Adds a stem as its file holds it to the mix: a mono stem into a stereo mix at sqrt(0.5) in each channel. */
    private static void addToMix(float[][] stem, double[][] sum, int frames) {
        for (int c = 0; c < sum.length; c++) {
            double[] s = sum[c];
            if (stem.length == sum.length) {
                float[] x = stem[c];
                for (int i = 0; i < frames; i++) {
                    s[i] += x[i];
                }
            } else {
                float[] x = stem[0];
                for (int i = 0; i < frames; i++) {
                    s[i] += x[i] * SQRT_HALF;
                }
            }
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the render was cancelled");
        }
    }

    /** The file's stereo energies, from a look of its own before the render, and its low end's correlation. */
    private StereoSource firstLook(Part part, BooleanSupplier cancelled) throws IOException {
        OptionalDouble lowEnd = part.measured.scalar(MeasurementIds.LOW_END_CORRELATION);
        try (AudioStream look = audioFiles.open(part.file())) {
            return StereoSource.measure(look, BLOCK_FRAMES, cancelled)
                    .withLowEndCorrelation(lowEnd.isPresent() ? lowEnd.getAsDouble() : null);
        }
    }

    /** The parts whose file was decoded, in session order: a part that failed cannot be moved. */
    private static List<MeasuredTrack> renderedParts(AnalysisResult result) {
        List<MeasuredTrack> parts = new ArrayList<>();
        for (Track track : result.session().parts()) {
            result.tracks().stream().filter(t -> t.track().equals(track) && t.measured()).findFirst()
                    .ifPresent(parts::add);
        }
        return parts;
    }

    private static int commonSampleRate(List<Part> parts) throws IOException {
        Set<Integer> rates = parts.stream().map(p -> p.stream.format().sampleRateHz()).collect(Collectors.toSet());
        if (rates.size() > 1) {
            throw new IOException("The parts do not share one sample rate, which a rendered mix needs: " + parts
                    .stream().map(p -> p.file() + " " + p.stream.format().sampleRateHz() + " Hz")
                    .collect(Collectors.joining(", ")));
        }
        return rates.iterator().next();
    }

    /** The longest part's length in frames as the headers say, else as the analysis decoded it; for progress. */
    private static long expectedFrames(List<Part> parts, int rate) {
        long most = 0;
        for (Part part : parts) {
            long frames = part.stream.format().frames();
            most = Math.max(most, frames >= 0 ? frames : Math.round(part.measured.durationSeconds() * rate));
        }
        return most;
    }

    /** The WAV encoding of a stem: float 32, or its source's PCM depth (16 or 24 bits; deeper, float and lossy as float). */
    private static WavEncoding encoding(RenderRequest.SampleFormat sampleFormat, AudioFormat source) {
        if (sampleFormat == RenderRequest.SampleFormat.FLOAT_32 || source.encoding() != SampleEncoding.PCM_INTEGER
                || source.bitsPerSample() > 24 || source.bitsPerSample() <= 0) {
            return WavEncoding.FLOAT_32;
        }
        return source.bitsPerSample() <= 16 ? WavEncoding.PCM_16 : WavEncoding.PCM_24;
    }

    /** The mix's encoding: the deepest stem's. */
    private static WavEncoding deepest(List<Part> parts) {
        List<WavEncoding> depth = List.of(WavEncoding.PCM_16, WavEncoding.PCM_24, WavEncoding.FLOAT_32);
        return parts.stream().map(p -> p.encoding).max((a, b) -> depth.indexOf(a) - depth.indexOf(b)).orElseThrow();
    }

    /** The rendered session: its stems and mix under the original names, roles and groups; references as they were. */
    private static Session renderedSession(Session session, List<Part> parts, String mixName, Path mix,
            Path sessionFile) {
        List<Track> tracks = new ArrayList<>();
        boolean mixPlaced = false;
        for (Track track : session.tracks()) {
            if (track.role() == Role.MIX) {
                if (!mixPlaced) {
                    tracks.add(new Track(mixName, mix, Role.MIX, track.group()));
                    mixPlaced = true;
                }
            } else if (track.role() == Role.REFERENCE) {
                tracks.add(track);
            } else {
                parts.stream().filter(p -> p.measured.track().equals(track)).findFirst()
                        .ifPresent(p -> tracks.add(new Track(track.name(), p.stem, track.role(), track.group())));
            }
        }
        if (!mixPlaced) {
            tracks.add(new Track(mixName, mix, Role.MIX, null));
        }
        return new Session(sessionFile, tracks, session.exportKind(), session.panLaw(), session.ruleSet(),
                session.extra(), session.deliverable());
    }

    /** The session's mix track's name, else "Mix" (numbered when a part or reference already has that name). */
    private static String mixName(Session session) {
        var existing = session.mix();
        if (existing.isPresent()) {
            return existing.get().name();
        }
        Set<String> taken = session.tracks().stream().map(Track::name).collect(Collectors.toSet());
        String name = MIX_NAME;
        for (int n = 2; taken.contains(name); n++) {
            name = MIX_NAME + " " + n;
        }
        return name;
    }

    /** The session file's name without extension, or its folder's name. */
    private static String sessionName(Session session) {
        Path location = session.location();
        Path name = location == null ? null : location.getFileName();
        if (name == null) {
            return "Session";
        }
        String s = name.toString();
        String extension = "." + SessionStore.SESSION_FILE_EXTENSION;
        return s.toLowerCase(Locale.ROOT).endsWith(extension) ? s.substring(0, s.length() - extension.length()) : s;
    }

    /** Every file of the session: its tracks' (parts, mix, references) and the session file's. */
    private static List<Path> sourceFiles(Session session) {
        List<Path> files = new ArrayList<>();
        session.tracks().forEach(t -> files.add(t.file().toAbsolutePath()));
        if (session.location() != null && Files.isRegularFile(session.location())) {
            files.add(session.location().toAbsolutePath());
        }
        return files;
    }

    /** Refuses a folder that holds one of the session's files (as named, or where a link leads). */
    private static void refuseSourceFolder(Path folder, List<Path> sources) throws IOException {
        if (!Files.isDirectory(folder)) {
            return; // it holds nothing yet
        }
        Path real = folder.toRealPath();
        for (Path source : sources) {
            Path parent = source.getParent();
            boolean holds = parent != null && Files.isDirectory(parent) && parent.toRealPath().equals(real);
            if (!holds && Files.exists(source)) {
                holds = Objects.equals(source.toRealPath().getParent(), real);
            }
            if (holds) {
                throw new IOException("Cannot render into " + folder + ": it holds " + source
                        + ", a file of the session, which a render never overwrites; choose another folder");
            }
        }
    }

    /** Refuses an output that is one of the session's files under another name (a link). */
    private static void refuseSourceOutputs(List<Path> outputs, List<Path> sources) throws IOException {
        for (Path output : outputs) {
            if (!Files.exists(output)) {
                continue;
            }
            for (Path source : sources) {
                if (Files.exists(source) && Files.isSameFile(output, source)) {
                    throw new IOException("Cannot render " + output + ": it is " + source
                            + ", a file of the session, which a render never overwrites; choose another folder");
                }
            }
        }
    }

    /** Removes the folder this render created, when a failed render left it empty. */
    private static void deleteIfEmpty(Path folder, Exception failure) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // Someone else's files arrived meanwhile: theirs to keep.
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
