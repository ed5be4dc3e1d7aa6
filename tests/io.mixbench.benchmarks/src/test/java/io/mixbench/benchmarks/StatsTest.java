package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void theMedianOfAnOddAndOfAnEvenNumberOfRuns() {
        Stats odd = Stats.of(1.45, 1.30, 1.37);
        assertEquals(1.37, odd.medianSeconds());
        assertEquals(1.30, odd.minSeconds());
        assertEquals(1.45, odd.maxSeconds());
        assertEquals(3, odd.runs());
        assertEquals(1.5, Stats.of(2, 1).medianSeconds());
    }

    @Test
    void printsTheMedianThenTheRangeWithDigitsForTheirSize() {
        assertEquals("1.37 s (1.30..1.45)", Stats.of(1.45, 1.30, 1.37).text());
        assertEquals("0.004 s (0.003..0.006)", Stats.of(0.003, 0.004, 0.006).text());
        assertEquals("12.3 s (11.9..14.0)", Stats.of(11.94, 12.3, 14.0).text());
        assertEquals("0.31 s", Stats.of(0.314).text(), "one run: no range");
        assertEquals("4.60 s", Stats.seconds(4.6));
        assertEquals("n/a", Stats.seconds(Double.NaN), "no CPU time without /proc");
    }

    @Test
    void noRunsIsAnError() {
        assertThrows(IllegalArgumentException.class, Stats::of);
    }
}
