package io.mixbench.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    private static boolean[] sings(int steps, int[]... runs) {
        boolean[] flags = new boolean[steps];
        for (int[] run : runs) {
            Arrays.fill(flags, run[0], run[1], true);
        }
        return flags;
    }

    @Test
    void gapsUpTo300MsAreBridged() {
        // 0.3 s between the first two runs (a breath), 0.4 s before the third
        List<int[]> spans = Phrases.spans(sings(60, new int[]{0, 10}, new int[]{13, 20}, new int[]{24, 34}), 0.1);
        assertEquals(2, spans.size());
        assertArrayEquals(new int[]{0, 20}, spans.get(0));
        assertArrayEquals(new int[]{24, 34}, spans.get(1));
    }

    @Test
    void runsShorterThan500MsAreNotJudged() {
        List<int[]> spans = Phrases.spans(sings(40, new int[]{0, 4}, new int[]{10, 15}), 0.1);
        assertEquals(1, spans.size());
        assertArrayEquals(new int[]{10, 15}, spans.get(0));
    }

    @Test
    void runsLongerThan4SecondsAreSplitEvenly() {
        List<int[]> spans = Phrases.spans(sings(100, new int[]{0, 90}), 0.1);
        assertEquals(3, spans.size());
        assertArrayEquals(new int[]{0, 30}, spans.get(0));
        assertArrayEquals(new int[]{60, 90}, spans.get(2));
        assertEquals(1, Phrases.spans(sings(100, new int[]{0, 40}), 0.1).size());
    }
}
