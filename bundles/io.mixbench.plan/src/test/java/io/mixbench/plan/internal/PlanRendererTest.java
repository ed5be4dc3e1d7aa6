package io.mixbench.plan.internal;

import static io.mixbench.plan.internal.RenderFixture.RATE_HZ;
import static io.mixbench.plan.internal.RenderFixture.plan;
import static io.mixbench.plan.internal.RenderFixture.read;
import static io.mixbench.plan.internal.RenderFixture.sha256;
import static io.mixbench.plan.internal.RenderFixture.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.Plan;
import io.mixbench.plan.RenderRequest;
import io.mixbench.plan.RenderRequest.SampleFormat;
import io.mixbench.plan.RenderedSession;
import io.mixbench.plan.TrackChanges;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRendererTest {

    private static final int FRAMES = RATE_HZ;

    @TempDir
    Path dir;

    private final RenderFixture.SavingStore store = new RenderFixture.SavingStore();
    private final List<Double> progress = new ArrayList<>();

    private RenderFixture session() throws IOException {
        RenderFixture f = new RenderFixture(Files.createDirectories(dir.resolve("song")));
        f.track("Kick", Role.KICK, "Drums", WavEncoding.PCM_24, RATE_HZ, sine(60, 0.5, FRAMES));
        // one source panned hard left in a stereo file
        f.track("Bass", Role.BASS, null, WavEncoding.PCM_24, RATE_HZ, sine(110, 0.4, FRAMES), new float[FRAMES]);
        f.track("Lead Vox", Role.LEAD_VOCAL, null, WavEncoding.PCM_16, RATE_HZ, sine(440, 0.2, FRAMES / 2));
        f.track("Broken", Role.OTHER, null, WavEncoding.PCM_24, RATE_HZ);
        f.track("Mix Bounce", Role.MIX, null, WavEncoding.PCM_24, RATE_HZ, sine(60, 0.1, FRAMES),
                sine(60, 0.1, FRAMES));
        f.track("Reference", Role.REFERENCE, null, WavEncoding.PCM_16, RATE_HZ, sine(50, 0.1, 100),
                sine(50, 0.1, 100));
        return f;
    }

    private static Plan moves() {
        return plan(TrackChanges.none("Kick").withGainDb(-6),
                TrackChanges.none("Bass").withStereo(false, null, 0.0, 0, null, null, 24),
                TrackChanges.none("Lead Vox").withGainDb(4)
                        .withRide(List.of(new GainPoint(0.1, 0), new GainPoint(0.3, 6))));
    }

    private RenderedSession render(RenderFixture f, Plan plan, Path folder, SampleFormat format) throws IOException {
        return new PlanRenderer(RenderFixture.AUDIO_FILES, store).render(plan, f.analysis(),
                new RenderRequest(folder, format), progress::add, () -> false);
    }

    /** The largest difference between the mix file and the sum of the stem files as read back, dBFS. */
    private static double residualPeakDbfs(RenderedSession rendered) throws IOException {
        Decoded mix = read(rendered.mix());
        double peak = 0;
        double[][] sum = new double[mix.format().channels()][mix.frames()];
        for (Path stem : rendered.stems().values()) {
            Decoded s = read(stem);
            assertEquals(mix.frames(), s.frames(), stem + " is as long as the mix");
            for (int c = 0; c < sum.length; c++) {
                float[] x = s.samples()[s.samples().length == sum.length ? c : 0];
                double gain = s.samples().length == sum.length ? 1 : Math.sqrt(0.5);
                for (int i = 0; i < x.length; i++) {
                    sum[c][i] += x[i] * gain;
                }
            }
        }
        for (int c = 0; c < sum.length; c++) {
            for (int i = 0; i < mix.frames(); i++) {
                peak = Math.max(peak, Math.abs(mix.samples()[c][i] - sum[c][i]));
            }
        }
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak);
    }

    @Test
    void rendersTheMovesIntoStemsTheirExactSumAndASessionOfThem() throws IOException {
        RenderFixture f = session();
        Map<Path, String> hashes = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(f.folder)) {
            for (Path p : files.toList()) {
                hashes.put(p, sha256(p));
            }
        }
        Path out = dir.resolve("rendered/plan 1");
        RenderedSession rendered = render(f, moves(), out, SampleFormat.FLOAT_32);

        assertEquals(List.of("Kick", "Bass", "Lead Vox"), List.copyOf(rendered.stems().keySet()),
                "the decoded parts in session order");
        assertEquals(out.resolve("Lead Vox.wav"), rendered.stems().get("Lead Vox"));
        assertEquals(out.resolve("Mix Bounce.wav"), rendered.mix());
        assertEquals(out.resolve("Song.mixbench"), rendered.sessionFile());

        Decoded kick = read(rendered.stems().get("Kick"));
        assertEquals(SampleEncoding.PCM_FLOAT, kick.format().encoding());
        assertEquals(1, kick.format().channels());
        float[] kickSource = read(f.folder.resolve("Kick.wav")).samples()[0];
        for (int i = 0; i < FRAMES; i++) {
            assertEquals((float) (kickSource[i] * Math.pow(10, -6.0 / 20)), kick.samples()[0][i], "Kick -6 dB");
        }
        Decoded bass = read(rendered.stems().get("Bass"));
        assertArrayEquals(bass.samples()[0], bass.samples()[1], "Bass in the centre");
        Decoded vox = read(rendered.stems().get("Lead Vox"));
        assertEquals(FRAMES, vox.frames(), "the shorter part padded with silence");
        assertEquals(0f, vox.samples()[0][FRAMES - 1]);
        float[] voxSource = read(f.folder.resolve("Lead Vox.wav")).samples()[0];
        int at = (int) (0.2 * RATE_HZ) + 7;
        assertEquals(voxSource[at] * Math.pow(10, (4 + 3 + 6.0 * 7 / (0.2 * RATE_HZ)) / 20), vox.samples()[0][at],
                1e-6, "the ride on top of the static gain");

        Decoded mix = read(rendered.mix());
        assertEquals(2, mix.format().channels(), "stereo: a stem is stereo");
        assertTrue(residualPeakDbfs(rendered) < -120, "the mix is the sum of the stems: " + residualPeakDbfs(
                rendered));
        double peak = 0;
        for (float[] channel : mix.samples()) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        assertEquals(20 * Math.log10(peak), rendered.mixPeakDbfs(), 1e-4);

        Session saved = store.saved;
        assertEquals(rendered.sessionFile(), saved.location());
        assertTrue(Files.exists(rendered.sessionFile()));
        assertEquals(List.of(new Track("Kick", out.resolve("Kick.wav"), Role.KICK, "Drums"),
                new Track("Bass", out.resolve("Bass.wav"), Role.BASS, null),
                new Track("Lead Vox", out.resolve("Lead Vox.wav"), Role.LEAD_VOCAL, null),
                new Track("Mix Bounce", rendered.mix(), Role.MIX, null), f.tracks.get(5)), saved.tracks(),
                "the failed part left out, the reference where it was");
        Session original = f.session();
        assertEquals(List.of(original.exportKind(), original.panLaw(), original.ruleSet(), original.deliverable(),
                original.extra()),
                List.of(saved.exportKind(), saved.panLaw(), saved.ruleSet(), saved.deliverable(),
                        saved.extra()));

        for (var e : hashes.entrySet()) {
            assertEquals(e.getValue(), sha256(e.getKey()), e.getKey() + " is untouched");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(5, files.count(), "three stems, the mix and the session file; no temporary file");
        }
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1));
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertTrue(progress.size() > 2, "progress by blocks");
    }

    @Test
    void sourceDepthsAreKeptWithDitherAndTheMixStillNullsAgainstTheStems() throws IOException {
        RenderFixture f = session();
        RenderedSession rendered = render(f, moves(), dir.resolve("pcm"), SampleFormat.SOURCE_PCM);
        assertEquals(24, read(rendered.stems().get("Kick")).format().bitsPerSample());
        assertEquals(16, read(rendered.stems().get("Lead Vox")).format().bitsPerSample());
        Decoded mix = read(rendered.mix());
        assertEquals(SampleEncoding.PCM_INTEGER, mix.format().encoding());
        assertEquals(24, mix.format().bitsPerSample(), "the mix at the deepest stem's depth");
        assertTrue(residualPeakDbfs(rendered) < -120, "24-bit mix: " + residualPeakDbfs(rendered));

        RenderedSession again = render(f, moves(), dir.resolve("pcm again"), SampleFormat.SOURCE_PCM);
        for (String track : rendered.stems().keySet()) {
            assertArrayEquals(Files.readAllBytes(rendered.stems().get(track)),
                    Files.readAllBytes(again.stems().get(track)), track + ": the dither is reproducible");
        }
        assertArrayEquals(Files.readAllBytes(rendered.mix()), Files.readAllBytes(again.mix()));
    }

    @Test
    void anUnchangedPartKeepsItsSamplesAndASessionOfMonoPartsGetsAMonoMix() throws IOException {
        RenderFixture f = new RenderFixture(Files.createDirectories(dir.resolve("mono")));
        f.part("Shaker", WavEncoding.PCM_16, sine(3000, 0.3, 5000));
        f.part("Mix", WavEncoding.PCM_16, sine(200, 0.3, 6000));
        RenderedSession rendered = render(f, plan(TrackChanges.none("Mix").withGainDb(-1)), dir.resolve("out"),
                SampleFormat.SOURCE_PCM);
        assertArrayEquals(read(f.folder.resolve("Shaker.wav")).samples()[0],
                java.util.Arrays.copyOf(read(rendered.stems().get("Shaker")).samples()[0], 5000),
                "not dithered: the same samples");
        Decoded mix = read(rendered.mix());
        assertEquals(1, mix.format().channels());
        assertEquals(16, mix.format().bitsPerSample());
        assertEquals(dir.resolve("out/Mix 2.wav"), rendered.mix(), "the part named Mix keeps its name");
        assertEquals("Mix 2", store.saved.mix().orElseThrow().name());
    }

    @Test
    void aCancelledRenderLeavesNoFile() throws IOException {
        RenderFixture f = session();
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine");
        Path fresh = dir.resolve("fresh/plan");
        for (Path folder : List.of(existing, fresh)) {
            int[] polls = {0};
            // cancelled at the second block: after files were started
            assertThrows(CancellationException.class, () -> new PlanRenderer(RenderFixture.AUDIO_FILES, store)
                    .render(moves(), f.analysis(), new RenderRequest(folder, SampleFormat.FLOAT_32), p -> {
                    }, () -> ++polls[0] > 3));
            assertTrue(polls[0] > 3);
        }
        try (Stream<Path> files = Files.list(existing)) {
            assertEquals(List.of(existing.resolve("notes.txt")), files.toList());
        }
        assertFalse(Files.exists(fresh), "the folder the render made is gone again");
        assertEquals(null, store.saved);
    }

    @Test
    void aPartThatFailsMidwayLeavesNoFile() throws IOException {
        RenderFixture f = new RenderFixture(Files.createDirectories(dir.resolve("cut")));
        f.part("Kick", WavEncoding.PCM_24, sine(60, 0.5, 3 * PlanRenderer.BLOCK_FRAMES));
        f.part("Snare", WavEncoding.PCM_24, sine(200, 0.5, 3 * PlanRenderer.BLOCK_FRAMES));
        // cut short after the analysis: its header promises more than it holds
        Path snare = f.folder.resolve("Snare.wav");
        byte[] bytes = Files.readAllBytes(snare);
        Files.write(snare, java.util.Arrays.copyOf(bytes, bytes.length - 4 * PlanRenderer.BLOCK_FRAMES));
        Path out = dir.resolve("out");
        IOException e = assertThrows(IOException.class, () -> render(f, plan(), out, SampleFormat.FLOAT_32));
        assertTrue(e.getMessage().contains(snare.toString()), e.getMessage());
        assertFalse(Files.exists(out), "no file, and not the folder the render made");
    }

    @Test
    void theSessionsOwnFolderIsRefusedAlsoThroughALink() throws IOException {
        RenderFixture f = session();
        Path link = Files.createSymbolicLink(dir.resolve("link"), f.folder);
        for (Path folder : List.of(f.folder, link)) {
            IOException e = assertThrows(IOException.class, () -> render(f, moves(), folder, SampleFormat.FLOAT_32));
            assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains(
                    f.folder.resolve("Kick.wav").toString()), e.getMessage());
        }
        try (Stream<Path> files = Files.list(f.folder)) {
            assertEquals(5, files.count(), "nothing written there");
        }
    }

    @Test
    void anOutputThatIsASourceFileUnderALinkIsRefused() throws IOException {
        RenderFixture f = session();
        Path out = Files.createDirectories(dir.resolve("out"));
        Path kick = f.folder.resolve("Kick.wav");
        String before = sha256(kick);
        Files.createSymbolicLink(out.resolve("Kick.wav"), kick);
        IOException e = assertThrows(IOException.class, () -> render(f, moves(), out, SampleFormat.FLOAT_32));
        assertTrue(e.getMessage().contains(out.resolve("Kick.wav").toString()) && e.getMessage().contains(kick
                .toString()), e.getMessage());
        assertEquals(before, sha256(kick));
    }

    @Test
    void partsOfTwoSampleRatesAreRefusedNamingEachFile() throws IOException {
        RenderFixture f = new RenderFixture(Files.createDirectories(dir.resolve("rates")));
        f.track("Kick", Role.KICK, null, WavEncoding.PCM_24, 48_000, sine(60, 0.5, 1000));
        f.track("Snare", Role.SNARE, null, WavEncoding.PCM_24, 44_100, sine(200, 0.5, 1000));
        Path out = dir.resolve("out");
        IOException e = assertThrows(IOException.class, () -> render(f, plan(), out, SampleFormat.FLOAT_32));
        assertTrue(e.getMessage().contains(f.folder.resolve("Kick.wav") + " 48000 Hz") && e.getMessage().contains(
                f.folder.resolve("Snare.wav") + " 44100 Hz"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
