package io.mixbench.plan.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void namesAreMadeSafeAndUnique() {
        FileNames names = new FileNames();
        assertEquals("Lead Vox.wav", names.unique("Lead Vox", "wav"));
        assertEquals("lead vox 2.wav", names.unique("lead vox", "wav"));
        assertEquals("Vox_Dbl_ L_R.wav", names.unique("Vox/Dbl: L\\R", "wav"));
        assertEquals("hidden.wav", names.unique("..hidden. ", "wav"));
        assertEquals("Track.wav", names.unique(" ", "wav"));
        assertEquals("con_.wav", names.unique("con", "wav"));
        assertEquals("Lead Vox.mixbench", names.unique("Lead Vox", "mixbench"));
        assertEquals(100, FileNames.safe("x".repeat(300)).length());
    }
}
