package io.mixbench.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongSectionsTest {

    private static final double[] VERSE_CHORUS_VERSE = {-24, -16, -24};
    private static final double[] TWENTY_EACH = {20, 20, 20};

    /** Steps of 100 ms holding each level for {@code seconds[i]} seconds. */
    private static double[] steps(double[] levels, double... seconds) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            for (int k = 0; k < Math.round(seconds[i] * 10); k++) {
                values.add(levels[i]);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** What the short-term meter reads for material at these loudness levels: the power mean of the last 3 s. */
    private static double[] shortTerm(double[] loudness) {
        double[] out = new double[loudness.length];
        for (int i = 0; i < loudness.length; i++) {
            double sum = 0;
            for (int k = Math.max(0, i - 29); k <= i; k++) {
                sum += Math.pow(10, loudness[k] / 10);
            }
            out[i] = 10 * Math.log10(sum / 30);
        }
        return out;
    }

    @Test
    void sectionsComeFromTheShortTermCurveWithTheMeterLagRemoved() {
        double[] st = shortTerm(steps(VERSE_CHORUS_VERSE, TWENTY_EACH));
        List<SongSections.Section> sections = SongSections.detect(st, 0.1, 4, 3);
        assertEquals(3, sections.size(), sections.toString());
        assertEquals(0, sections.get(0).startSeconds(), 1e-9);
        assertEquals(20, sections.get(1).startSeconds(), 1.0);
        assertEquals(40, sections.get(2).startSeconds(), 1.0);
        assertEquals(60, sections.get(2).endSeconds(), 1e-9);
        // no stretch of the shortest section's length whose mean differs by the least change: no section
        assertEquals(1, SongSections.detect(steps(new double[]{-24, -20, -24}, 20, 2, 20), 0.1, 4, 3).size());
        assertEquals(1, SongSections.detect(steps(new double[]{-24, -21.1, -24}, 20, 20, 20), 0.1, 4, 3).size());
        assertEquals(3, SongSections.detect(steps(new double[]{-24, -21, -24}, 20, 20, 20), 0.1, 4, 3).size());
        assertEquals(3, SongSections.detect(steps(new double[]{-24, -16, -24}, 20, 4, 20), 0.1, 4, 3).size());
        // a big jump: the half ramps either side of the change and the file's first 3 s are no sections of
        // their own
        List<SongSections.Section> jump = SongSections.detect(shortTerm(steps(new double[]{-22, -12.5}, 12, 12)), 0.1,
                4, 3);
        assertEquals(2, jump.size(), jump.toString());
        assertEquals(12, jump.get(1).startSeconds(), 0.5);
        assertEquals(-22, jump.get(0).meanLufs(), 0.01);
        assertEquals(-12.5, jump.get(1).meanLufs(), 0.01);
        // silence counts as the -70 LUFS floor, and nothing throws on an empty series
        double[] gaps = steps(new double[]{-20, Double.NaN, -20}, 20, 20, 20);
        assertEquals(3, SongSections.detect(gaps, 0.1, 4, 3).size());
        assertTrue(SongSections.detect(new double[0], 0.1, 4, 3).isEmpty());
    }

    @Test
    void theSeriesHoldsEachSectionsMeanOverItsTime() {
        double[] st = shortTerm(steps(new double[]{-24, -16, -24}, 20, 20, 20));
        List<SongSections.Section> sections = SongSections.detect(st, 0.1, 4, 3);
        Series series = SongSections.asSeries(sections, st.length, 0.1);
        assertEquals(st.length, series.size());
        assertEquals(Units.LUFS, series.unit());
        for (SongSections.Section section : sections) {
            int from = (int) Math.round(section.startSeconds() * 10);
            int to = (int) Math.round(section.endSeconds() * 10);
            for (int i = from; i < to; i++) {
                assertEquals((float) section.meanLufs(), series.get(i), "step " + i);
            }
        }
        int changes = 0;
        for (int i = 1; i < series.size(); i++) {
            changes += series.get(i) != series.get(i - 1) ? 1 : 0;
        }
        assertEquals(2, changes, "a boundary is where the value changes");
        assertEquals(0, SongSections.asSeries(List.of(), 0, 0.1).size());
    }
}
