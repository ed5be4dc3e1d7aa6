package io.mixbench.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    private static final Fix KICK = Fix.gain("Kick", 3);
    private static final Fix BASS = Fix.gain("Bass", 3);

    @Test
    void severalFixesKeepTheFirstAsTheFix() {
        Finding f = Finding.of("section.lift", Severity.WARN).message("m").fixes(List.of(KICK, BASS), "Ride both.")
                .build();
        assertEquals(List.of(KICK, BASS), f.fixes());
        assertEquals(KICK, f.fix());
        assertEquals("Ride both.", f.suggestion());
    }

    /** Rules written against rule API 1.0 set one fix, through the builder or the constructor. */
    @Test
    void oneFixIsAListOfOne() {
        Finding built = Finding.of("kick.level", Severity.PROBLEM).message("m").fix(KICK, "Lower.").build();
        assertEquals(List.of(KICK), built.fixes());
        Finding constructed = new Finding("kick.level", Severity.PROBLEM, List.of(), "m", null, null, KICK,
                "Lower.", List.of());
        assertEquals(List.of(KICK), constructed.fixes());
        assertEquals(built, constructed);
    }

    @Test
    void noFixIsAnEmptyList() {
        Finding f = Finding.of("health", Severity.INFO).message("m").build();
        assertNull(f.fix());
        assertEquals(List.of(), f.fixes());
        assertEquals(List.of(), new Finding("health", Severity.INFO, List.of(), "m", null, null, null, null, List.of(),
                null).fixes());
    }

    @Test
    void aFixOtherThanTheFirstOfTheFixesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Finding("r", Severity.WARN, List.of(), "m", null, null,
                BASS, null, List.of(), List.of(KICK, BASS)));
    }

    @Test
    void tagsAndTonalTargetAreCarriedAndOptional() {
        TonalTarget tilt = TonalTarget.tilt(new double[]{2, 4.5, -1, 0, -5.5, -6, -13}, 4);
        Finding f = Finding.of("my.platforms", Severity.INFO).message("m").tag(Finding.STREAMING_ROW)
                .tag(Finding.STREAMING_ROW).tonalTarget(tilt).build();
        assertEquals(List.of(Finding.STREAMING_ROW), f.tags());
        assertTrue(f.hasTag(Finding.STREAMING_ROW));
        assertEquals(-2, f.tonalTarget().minDb()[0], 1e-12);
        assertEquals(4, f.tonalTarget().maxDb()[3], 1e-12);
        assertEquals(tilt, TonalTarget.tilt(new double[]{2, 4.5, -1, 0, -5.5, -6, -13}, -4));
        Finding plain = new Finding("r", Severity.INFO, List.of(), "m", null, null, null, null, List.of(), null);
        assertEquals(List.of(), plain.tags());
        assertFalse(plain.hasTag(Finding.STREAMING_ROW));
        assertNull(plain.tonalTarget());
        assertThrows(IllegalArgumentException.class, () -> new TonalTarget(new double[3], new double[3]));
    }
}
