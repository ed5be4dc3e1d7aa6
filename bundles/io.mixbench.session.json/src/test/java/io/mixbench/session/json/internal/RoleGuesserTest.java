package io.mixbench.session.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.session.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleGuesserTest {

    private final JsonSessionStore store = new JsonSessionStore();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            01 Kick In.wav         | KICK
            Kick_Out               | KICK
            KickIn.wav             | KICK
            kickout.aif            | KICK
            BD                     | KICK
            Bass Drum              | KICK
            bass_drum.wav          | KICK
            Sub Kick.wav           | KICK
            SN top                 | SNARE
            Snare Bottom           | SNARE
            03-SNR.wav             | SNARE
            Tom 1                  | TOMS
            Tom1.wav               | TOMS
            Floor Tom              | TOMS
            FloorTom.wav           | TOMS
            Hi Tom.wav             | TOMS
            HH                     | HATS_CYMBALS
            Hat                    | HATS_CYMBALS
            Hi-Hat.wav             | HATS_CYMBALS
            HiHat.wav              | HATS_CYMBALS
            Ride                   | HATS_CYMBALS
            Crash                  | HATS_CYMBALS
            OH L                   | OVERHEADS_ROOM
            OH_R.wav               | OVERHEADS_ROOM
            Overheads              | OVERHEADS_ROOM
            Room                   | OVERHEADS_ROOM
            Drum Room.wav          | OVERHEADS_ROOM
            Perc                   | PERCUSSION
            Shaker                 | PERCUSSION
            Conga                  | PERCUSSION
            Claps.wav              | PERCUSSION
            Drums                  | DRUMS_BUS
            Drum Bus               | DRUMS_BUS
            DrumBus.wav            | DRUMS_BUS
            BassDI                 | BASS
            Bass Amp               | BASS
            Sub Bass               | BASS
            808                    | BASS
            12 808.wav             | BASS
            Synth Bass             | BASS
            Bass Synth             | BASS
            SynthBass.wav          | BASS
            Bass Gtr.wav           | BASS
            Lead Vox               | LEAD_VOCAL
            LdVox                  | LEAD_VOCAL
            Vocal                  | LEAD_VOCAL
            Vox                    | LEAD_VOCAL
            Lead Vocal             | LEAD_VOCAL
            leadvox.wav            | LEAD_VOCAL
            Vox 2.wav              | LEAD_VOCAL
            BVs                    | BACKING_VOCALS
            BGV                    | BACKING_VOCALS
            Backing Vocals         | BACKING_VOCALS
            BackingVox.wav         | BACKING_VOCALS
            Harmony                | BACKING_VOCALS
            Gtr L                  | GUITAR
            Guitar                 | GUITAR
            Acoustic               | GUITAR
            ElecGtr.wav            | GUITAR
            Backing Gtr.wav        | GUITAR
            Keys                   | KEYS
            Piano                  | KEYS
            Rhodes                 | KEYS
            Organ                  | KEYS
            EPiano.wav             | KEYS
            Synth                  | SYNTH
            Lead Synth             | SYNTH
            Arp.wav                | SYNTH
            Pad                    | PAD
            Synth Pad.wav          | PAD
            Strings                | STRINGS
            Violin                 | STRINGS
            Brass                  | BRASS
            Horns                  | BRASS
            Trumpet                | BRASS
            Sax.wav                | BRASS
            FX Verb Return         | FX_RETURN
            Reverb                 | FX_RETURN
            Delay Return           | FX_RETURN
            Vocal Reverb.wav       | FX_RETURN
            Room Verb.wav          | FX_RETURN
            Mix                    | MIX
            Master                 | MIX
            Print                  | MIX
            Bounce                 | MIX
            My Song - Final Mix v3.wav | MIX
            Mixdown.wav            | MIX
            Ref - Artist           | REFERENCE
            Reference              | REFERENCE
            REF Artist - Song Mix.wav | REFERENCE
            Click.wav              | OTHER
            Take 7.wav             | OTHER
            Bassoon.wav            | OTHER
            Tomato.wav             | OTHER
            """)
    void guessesTheRoleFromTheFileName(String fileName, Role expected) {
        assertEquals(expected, store.guessRole(fileName));
    }

    @Test
    void everyRoleExceptOtherHasARow() {
        Set<Role> covered = EnumSet.noneOf(Role.class);
        RoleGuesser.TABLE.forEach(row -> covered.add(row.role()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Role.OTHER)), covered);
    }

    @Test
    void caseAndSeparatorsDoNotMatter() {
        assertEquals(Role.LEAD_VOCAL, store.guessRole("LEAD.VOX.WAV"));
        assertEquals(Role.LEAD_VOCAL, store.guessRole("lead-vox.Wav"));
        assertEquals(Role.KICK, store.guessRole("kick (in).flac"));
        assertEquals(Role.SNARE, store.guessRole("[02] snare+top.aiff"));
    }

    @Test
    void displayNamesDropExtensionAndTrackNumber() {
        assertEquals("Kick In", RoleGuesser.displayName("01 Kick In.wav"));
        assertEquals("Kick_Out", RoleGuesser.displayName("02_Kick_Out.WAV"));
        assertEquals("Snare", RoleGuesser.displayName("03-Snare.aif"));
        assertEquals("Bass", RoleGuesser.displayName("04 - Bass.flac"));
        assertEquals("Pad", RoleGuesser.displayName("005 Pad.wav"));
        assertEquals("808 Bass", RoleGuesser.displayName("808 Bass.wav"), "not a track number");
        assertEquals("808", RoleGuesser.displayName("808.wav"));
        assertEquals("10cc Mix", RoleGuesser.displayName("10cc Mix.mp3"));
        assertEquals("07", RoleGuesser.displayName("07.wav"), "nothing would be left");
        assertEquals("Vox.Lead", RoleGuesser.displayName("Vox.Lead"), "no audio extension");
    }

    @Test
    void exactlyMixNames() {
        assertTrue(RoleGuesser.isExactlyMix("Mix.wav"));
        assertTrue(RoleGuesser.isExactlyMix("Final Mix v2.wav"));
        assertTrue(RoleGuesser.isExactlyMix("01 Master.wav"));
        assertFalse(RoleGuesser.isExactlyMix("My Song Mix.wav"));
        assertFalse(RoleGuesser.isExactlyMix("Kick.wav"));
        assertFalse(RoleGuesser.isExactlyMix("v2.wav"));
    }
}
