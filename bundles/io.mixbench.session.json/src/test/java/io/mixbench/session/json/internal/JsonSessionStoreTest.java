package io.mixbench.session.json.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.files.AtomicFiles;
import io.mixbench.session.Deliverable;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.SessionException;
import io.mixbench.session.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSessionStoreTest {

    private final JsonSessionStore store = new JsonSessionStore();

    @TempDir
    Path dir;

    @Test
    void opensAFolderOfExportedTracks() throws IOException {
        touch("01 Kick In.wav", "02 Kick Out.wav", "03 SN top.WAV", "04 Snare Bottom.aif", "OH L.flac", "OH R.flac",
                "Bass DI.wav", "Bass Amp.wav", "Lead Vox.mp3", "Tom 10.wav", "Tom 2.wav", "A Song Mix.wav", "Mix.wav",
                "Ref - Artist.ogg", "notes.txt", ".hidden.wav", "._Kick In.wav", "Session.ptx");
        Files.createDirectories(dir.resolve("Broken.wav"));
        Files.createDirectories(dir.resolve("bounces"));
        touch("bounces/Nested.wav");

        Session session = store.open(dir);

        assertEquals(List.of("Kick In", "Kick Out", "SN top", "Snare Bottom", "A Song Mix", "Bass Amp", "Bass DI",
                "Broken", "Lead Vox", "Mix", "OH L", "OH R", "Ref - Artist", "Tom 2", "Tom 10"), names(session));
        assertEquals(List.of(Role.KICK, Role.KICK, Role.SNARE, Role.SNARE, Role.OTHER, Role.BASS, Role.BASS,
                Role.OTHER, Role.LEAD_VOCAL, Role.MIX, Role.OVERHEADS_ROOM, Role.OVERHEADS_ROOM, Role.REFERENCE,
                Role.TOMS, Role.TOMS), session.tracks().stream().map(Track::role).toList());
        assertEquals(Arrays.asList("Kick", "Kick", null, null, null, "Bass", "Bass", null, null, null, "OH", "OH",
                null, null, null), session.tracks().stream().map(Track::group).toList());
        assertEquals(dir.resolve("01 Kick In.wav").toAbsolutePath(), session.tracks().get(0).file());
        assertEquals(dir.resolve("Mix.wav").toAbsolutePath(), session.mix().orElseThrow().file());
        assertEquals(dir.toAbsolutePath(), session.location());
        assertEquals(ExportKind.STEMS, session.exportKind());
        assertEquals(PanLaw.MINUS_3_DB, session.panLaw());
        assertNull(session.ruleSet());
        assertEquals(Map.of(), session.extra());
    }

    @Test
    void ofSeveralMixLikeNamesTheFirstExactOneIsTheMix() throws IOException {
        touch("Alt Bounce.wav", "Master.wav", "Mix.wav", "Song Print.wav");
        Session session = store.open(dir);
        assertEquals("Master", session.mix().orElseThrow().name());
        assertEquals(List.of(Role.OTHER, Role.MIX, Role.OTHER, Role.OTHER),
                session.tracks().stream().map(Track::role).toList());

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.createFile(other.resolve("Song Print.wav"));
        Files.createFile(other.resolve("Song Bounce.wav"));
        Session noExact = store.open(other);
        assertEquals("Song Bounce", noExact.mix().orElseThrow().name(), "none is exact: the first");
    }

    @Test
    void repeatedDisplayNamesAreMadeUnique() throws IOException {
        touch("01 Kick.wav", "02 Kick.wav", "Kick.aif");
        assertEquals(List.of("Kick", "Kick (2)", "Kick (3)"), names(store.open(dir)));
    }

    @Test
    void aFolderWithOneSessionFileOpensIt() throws IOException {
        touch("kick.wav", "Mix.wav");
        write("song.mixbench", """
                {"format": "mixbench-session", "formatVersion": 1,
                 "tracks": [{"name": "Big Kick", "file": "kick.wav", "role": "kick"}]}
                """);
        Session session = store.open(dir);
        assertEquals(List.of("Big Kick"), names(session));
        assertEquals(dir.resolve("song.mixbench").toAbsolutePath(), session.location());

        write("other.mixbench", "{}");
        assertEquals(List.of("kick", "Mix"), names(store.open(dir)), "two session files: the folder's audio");
    }

    @Test
    void aLoneFileThatNamesNoPartIsTheMix() throws IOException {
        touch("My Song v3.wav", "Bass DI.wav");
        assertEquals(List.of(Role.MIX), roles(store.open(dir.resolve("My Song v3.wav"))));
        assertEquals(List.of(Role.MIX), roles(store.fromFiles(List.of(dir.resolve("My Song v3.wav")))));
        // A lone part stays that part, and among several files an unnamed one stays a part.
        assertEquals(List.of(Role.BASS), roles(store.open(dir.resolve("Bass DI.wav"))));
        assertEquals(List.of(Role.BASS, Role.OTHER), roles(store.open(dir)));

        Path folder = Files.createDirectories(dir.resolve("bounce"));
        Files.write(folder.resolve("My Song v3.wav"), new byte[0]);
        assertEquals(List.of(Role.MIX), roles(store.open(folder)));
        // beside reference tracks it is still the one thing to judge
        Files.write(folder.resolve("Ref - Artist.wav"), new byte[0]);
        assertEquals(List.of(Role.MIX, Role.REFERENCE), roles(store.open(folder)));
    }

    @Test
    void opensASingleAudioFileAndFailsOnMissingPaths() throws IOException {
        touch("Lead Vox.wav");
        Session single = store.open(dir.resolve("Lead Vox.wav"));
        assertEquals(List.of("Lead Vox"), names(single));
        assertEquals(dir.toAbsolutePath(), single.location());

        SessionException e = assertThrows(SessionException.class, () -> store.open(dir.resolve("gone")));
        assertTrue(e.getMessage().contains("gone: no such file or folder"), e.getMessage());
    }

    @Test
    void fromFilesUsesTheCommonParentFolder() throws IOException {
        touch("stems/drums/Kick.wav", "stems/Bass.wav", "Mix.wav");
        Session session = store.fromFiles(List.of(dir.resolve("stems/drums/Kick.wav"), dir.resolve("stems/Bass.wav"),
                dir.resolve("Mix.wav")));
        assertEquals(dir.toAbsolutePath(), session.location());
        assertEquals(List.of(Role.KICK, Role.BASS, Role.MIX), session.tracks().stream().map(Track::role).toList());

        Session nested = store.fromFiles(List.of(dir.resolve("stems/drums/Kick.wav"), dir.resolve("stems/Bass.wav")));
        assertEquals(dir.resolve("stems").toAbsolutePath(), nested.location());

        SessionException e = assertThrows(SessionException.class,
                () -> store.fromFiles(List.of(dir.resolve("Mix.wav"), dir.resolve("Missing.wav"))));
        assertTrue(e.getMessage().contains("Missing.wav: no such file"), e.getMessage());
        assertThrows(SessionException.class, () -> store.fromFiles(List.of()));
    }

    @Test
    void saveAndOpenRoundTripKeepsUnknownFields() throws IOException {
        touch("stems/kick in.wav", "stems/kick out.wav", "Mix.wav", "refs/Ref.wav");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zoom", 2.5);
        nested.put("hidden", Arrays.asList("a", null, true));
        Map<String, Object> extra = Map.of("workbench", nested, "author", "Sam", "takes", 12);
        Session session = new Session(dir, List.of(
                new Track("Kick In", dir.resolve("stems/kick in.wav"), Role.KICK, "Kick"),
                new Track("Kick Out", dir.resolve("stems/kick out.wav"), Role.KICK, "Kick"),
                new Track("Mix", dir.resolve("Mix.wav"), Role.MIX, null),
                new Track("Ref", dir.resolve("refs/Ref.wav"), Role.REFERENCE, null)),
                ExportKind.RAW_TRACKS, PanLaw.MINUS_4_5_DB, "rock", extra);
        Path file = dir.resolve("song.mixbench");

        store.save(session, file);
        Session back = store.open(file);

        assertEquals(session.tracks(), back.tracks());
        assertEquals(ExportKind.RAW_TRACKS, back.exportKind());
        assertEquals(PanLaw.MINUS_4_5_DB, back.panLaw());
        assertEquals("rock", back.ruleSet());
        assertEquals(extra, back.extra());
        assertEquals(file.toAbsolutePath(), back.location());

        String text = Files.readString(file);
        assertEquals("""
                {
                  "format": "mixbench-session",
                  "formatVersion": 1,
                  "exportKind": "raw-tracks",
                  "panLawDb": -4.5,
                  "ruleSet": "rock",
                  "tracks": [
                    {
                      "name": "Kick In",
                      "file": "stems/kick in.wav",
                      "role": "kick",
                      "group": "Kick"
                    },
                    {
                      "name": "Kick Out",
                      "file": "stems/kick out.wav",
                      "role": "kick",
                      "group": "Kick"
                    },
                    {
                      "name": "Mix",
                      "file": "Mix.wav",
                      "role": "mix"
                    },
                    {
                      "name": "Ref",
                      "file": "refs/Ref.wav",
                      "role": "reference"
                    }
                  ],
                  "author": "Sam",
                  "takes": 12,
                  "workbench": {
                    "zoom": 2.5,
                    "hidden": [
                      "a",
                      null,
                      true
                    ]
                  }
                }
                """, text);

        byte[] first = Files.readAllBytes(file);
        store.save(back, file);
        assertArrayEquals(first, Files.readAllBytes(file), "saving what was opened writes the same bytes");
    }

    /** The session says what its mix is meant to be; it is read, written back after ruleSet, and checked. */
    @Test
    void theDeliverableIsReadWrittenAndChecked() throws IOException {
        touch("Master.wav");
        Path file = dir.resolve("song.mixbench");
        Files.writeString(file, """
                {"format": "mixbench-session", "formatVersion": 1, "ruleSet": "default", "deliverable": "master",
                 "tracks": [{"name": "Master", "file": "Master.wav", "role": "mix"}]}
                """);
        Session session = store.open(file);
        assertEquals(Deliverable.MASTER, session.deliverable());
        assertTrue(session.extra().isEmpty(), "a known field, not an unknown one: " + session.extra());
        store.save(session, file);
        assertTrue(Files.readString(file).contains("\"ruleSet\": \"default\",\n  \"deliverable\": \"master\",\n"),
                Files.readString(file));
        assertEquals(Deliverable.MASTER, store.open(file).deliverable());
        assertNull(store.open(dir.resolve("Master.wav")).deliverable(), "a folder states none");

        String head = "{\n  \"format\": \"mixbench-session\",\n  \"formatVersion\": 1,\n";
        expectError(head + "  \"deliverable\": \"final\",\n  \"tracks\": []\n}", 4,
                "unknown deliverable \"final\"; valid deliverables: \"mix\", \"pre-master\", \"master\"");
        expectError(head + "  \"deliverable\": 3,\n  \"tracks\": []\n}", 4, "\"deliverable\" must be one of");
    }

    @Test
    void panLawIsWrittenAsAPlainNumber() throws IOException {
        touch("a.wav");
        store.save(store.open(dir), dir.resolve("s.mixbench"));
        assertTrue(Files.readString(dir.resolve("s.mixbench")).contains("\"panLawDb\": -3,"));
    }

    @Test
    void atomicSaveLeavesNoTemporaryFiles() throws IOException {
        touch("Kick.wav");
        Path file = dir.resolve("song.mixbench");
        Files.writeString(file, "old contents");
        Session session = store.open(dir.resolve("Kick.wav"));
        store.save(session, file);
        store.save(session, file);
        assertEquals(List.of(dir.resolve("Kick.wav"), file), list(dir));
        assertTrue(Files.readString(file).startsWith("{"));
    }

    @Test
    void aKilledSavesTemporaryFileIsRemovedByTheNextSave() throws IOException {
        touch("Kick.wav");
        Path file = dir.resolve("song.mixbench");
        // What a save killed mid-way leaves: nobody holds its lock.
        Files.writeString(dir.resolve(AtomicFiles.temporaryName(file, "4711")), "{\"format\": ");
        store.save(store.open(dir.resolve("Kick.wav")), file);
        assertEquals(List.of(dir.resolve("Kick.wav"), file), list(dir));
    }

    @Test
    void savingATrackOutsideTheFolderFailsAndKeepsTheOldFile() throws IOException {
        touch("Kick.wav", "sub/x.txt");
        Path file = dir.resolve("sub/song.mixbench");
        Files.writeString(file, "old contents");
        Session session = store.open(dir.resolve("Kick.wav"));
        SessionException e = assertThrows(SessionException.class, () -> store.save(session, file));
        assertTrue(e.getMessage().contains("is outside the session file's folder"), e.getMessage());
        assertEquals("old contents", Files.readString(file));
        assertEquals(List.of(file, dir.resolve("sub/x.txt")), list(dir.resolve("sub")));
    }

    @Test
    void pathsInSessionFilesMayUseBackslashesAndOmitNameAndRole() throws IOException {
        touch("stems/Lead Vox.wav");
        write("s.mixbench", """
                {"format": "mixbench-session", "formatVersion": 1, "exportKind": "STEMS", "panLawDb": -6.0,
                 "ruleSet": null, "tracks": [{"file": "stems\\\\Lead Vox.wav"}]}
                """);
        Session s = store.open(dir.resolve("s.mixbench"));
        assertEquals(new Track("Lead Vox", dir.resolve("stems/Lead Vox.wav").toAbsolutePath(), Role.LEAD_VOCAL,
                null), s.tracks().get(0));
        assertEquals(PanLaw.MINUS_6_DB, s.panLaw());
        assertNull(s.ruleSet());
    }

    @Test
    void errorsNameTheFileTheLineAndTheProblem() throws IOException {
        touch("kick.wav", "snare.wav");
        String head = "{\n  \"format\": \"mixbench-session\",\n  \"formatVersion\": 1,\n";
        String kick = "{\"name\": \"Kick\", \"file\": \"kick.wav\", \"role\": \"kick\"}";

        expectError("", 1, "not JSON: the file is empty");
        expectError("{\n  \"format\": \"mixbench-session\",\n  oops\n}", 3, "not JSON");
        expectError("[1, 2]", 1, "the file must hold one JSON object");
        expectError("{\n  \"format\": \"mixbench-session\",\n  \"format\": \"x\"\n}", 3,
                "not JSON at column 11: a field appears twice in one object");
        expectError(head + "  \"tracks\": []\n}\n{}", 6, "unexpected content after the session object");
        expectError("{\n  \"tracks\": []\n}", 1, "no \"format\": \"mixbench-session\" field");
        expectError("{\n  \"format\": \"ableton-set\",\n  \"formatVersion\": 1,\n  \"tracks\": []\n}", 2,
                "\"format\" is \"ableton-set\", expected \"mixbench-session\"");
        expectError("{\n  \"format\": \"mixbench-session\",\n  \"tracks\": []\n}", 1, "no \"formatVersion\"");
        expectError("{\n  \"format\": \"mixbench-session\",\n\n  \"formatVersion\": 2,\n  \"tracks\": []\n}", 4,
                "formatVersion 2 is newer than this Mixbench supports (1)");
        expectError("{\n  \"format\": \"mixbench-session\",\n  \"formatVersion\": \"1\",\n  \"tracks\": []\n}", 3,
                "\"formatVersion\" must be a whole number");
        expectError(head + "  \"exportKind\": \"multitrack\",\n  \"tracks\": []\n}", 4,
                "unknown exportKind \"multitrack\"; valid kinds: \"stems\", \"raw-tracks\"");
        expectError(head + "  \"panLawDb\": -5,\n  \"tracks\": []\n}", 4, "panLawDb must be 0, -3, -4.5 or -6 (dB)");
        expectError(head + "  \"panLawDb\": \"-3\",\n  \"tracks\": []\n}", 4, "panLawDb must be");
        expectError(head + "  \"ruleSet\": 7,\n  \"tracks\": []\n}", 4, "\"ruleSet\" must be a rule set id");
        expectError(head + "  \"exportKind\": \"stems\"\n}", 1, "no \"tracks\" list");
        expectError(head + "  \"tracks\": {}\n}", 4, "\"tracks\" must be a list of tracks");
        expectError(head + "  \"tracks\": [\n    " + kick + ",\n    {\"name\": \"Vox\", \"file\": \"snare.wav\","
                + "\n     \"role\": \"vox\"}\n  ]\n}", 7,
                "unknown role \"vox\"; valid roles: kick, snare, toms, hats-cymbals, overheads-room, percussion,"
                        + " drums-bus, bass, lead-vocal, backing-vocals, guitar, keys, synth, pad, strings, brass,"
                        + " fx-return, other, mix, reference");
        expectError(head + "  \"tracks\": [\n    " + kick + ",\n    {\"name\": \"Kick\", \"file\": \"snare.wav\"}\n"
                + "  ]\n}", 6, "duplicate track name \"Kick\" (also on line 5)");
        expectError(head + "  \"tracks\": [\n    " + kick + ",\n    {\"name\": \"Snare\", \"file\": \"snr.wav\"}\n"
                + "  ]\n}", 6, "track \"Snare\": file snr.wav does not exist");
        expectError(head + "  \"tracks\": [\n    {\"name\": \"Kick\",\n     \"file\": \"../kick.wav\"}\n  ]\n}", 6,
                "track 1: file \"../kick.wav\" is outside the session file's folder");
        expectError(head + "  \"tracks\": [\n    {\"file\": \"a/../../kick.wav\"}\n  ]\n}", 5,
                "is outside the session file's folder");
        expectError(head + "  \"tracks\": [\n    {\"file\": \"" + dir.resolve("kick.wav") + "\"}\n  ]\n}", 5,
                "is an absolute path");
        expectError(head + "  \"tracks\": [\n    {\"file\": \"C:\\\\mix\\\\kick.wav\"}\n  ]\n}", 5,
                "is an absolute path");
        expectError(head + "  \"tracks\": [\n    {\"name\": \"Kick\"}\n  ]\n}", 5, "track 1 has no \"file\"");
        expectError(head + "  \"tracks\": [\n    \"kick.wav\"\n  ]\n}", 5, "track 1 must be an object");
        expectError(head + "  \"tracks\": [\n    {\"file\": 3}\n  ]\n}", 5, "track 1: \"file\" must be a string");
        expectError(head + "  \"tracks\": [\n    {\"file\": \"kick.wav\", \"role\": \"mix\"},\n"
                + "    {\"file\": \"snare.wav\", \"role\": \"mix\"}\n  ]\n}", 6,
                "more than one track has the role \"mix\"");
    }

    private void expectError(String json, int line, String problem) throws IOException {
        Path file = dir.resolve("broken.mixbench");
        Files.writeString(file, json);
        SessionException e = assertThrows(SessionException.class, () -> store.open(file), json);
        String prefix = file + ", line " + line + ": ";
        assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().contains(problem),
                () -> "expected \"" + prefix + "..." + problem + "\" but was \"" + e.getMessage() + "\" for\n" + json);
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[]{1, 2, 3});
        }
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<String> names(Session session) {
        return session.tracks().stream().map(Track::name).toList();
    }

    private static List<Role> roles(Session session) {
        return session.tracks().stream().map(Track::role).toList();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.sorted().toList());
        }
    }
}
