package io.mixbench.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mixbench.workspace.OpenSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's parts that need no display: the open dialog's filters, preferences. */
class PlainPartsTest {

    @Test
    void theOpenDialogOffersSessionsAndAudioFilesTogether() {
        String[][] filters = Window.openFilters(java.util.Set.of("wav", "flac"));
        assertEquals(List.of("*.mixbench;*.MIXBENCH;*.flac;*.FLAC;*.wav;*.WAV", "*.mixbench;*.MIXBENCH",
                "*.flac;*.FLAC;*.wav;*.WAV", "*"), List.of(filters[0]));
        assertEquals(filters[0].length, filters[1].length);
        assertEquals("Sessions and audio files", filters[1][0]);
    }

    @Test
    void theOpenSessionRunsAnalysesByThePreferences(@TempDir Path dir) {
        Preferences p = new Preferences(dir.resolve("workbench.properties")).load();
        assertEquals(OpenSession.Settings.DEFAULT, Window.settings(p), "the defaults: cache, analyse on open");
        p.put(Preferences.USE_CACHE, "false");
        p.put(Preferences.ANALYSE_ON_OPEN, "false");
        OpenSession.Settings s = Window.settings(p);
        assertFalse(s.useCache());
        assertFalse(s.analyseOnOpen());
        assertEquals(OpenSession.Settings.DEFAULT.ruleTimeLimit(), s.ruleTimeLimit());
    }

    @Test
    void preferencesKeepRecentSessionsAndLayout(@TempDir Path dir) throws Exception {
        Preferences p = new Preferences(dir.resolve("mixbench/workbench.properties")).load();
        for (int i = 0; i < Preferences.MAX_RECENT + 2; i++) {
            p.addRecent("/s" + i);
        }
        p.addRecent("/s3");
        p.putInts("sash.main", new int[]{30, 70});
        p.save();
        Preferences again = new Preferences(p.file()).load();
        List<String> recent = again.recent();
        assertEquals(Preferences.MAX_RECENT, recent.size());
        assertEquals("/s3", recent.get(0), "most recent first, no duplicates");
        assertEquals("/s9", recent.get(1));
        assertArrayEquals(new int[]{30, 70}, again.ints("sash.main", 2));
        assertNull(again.ints("sash.main", 3), "a layout of another shape is ignored");
    }
}
