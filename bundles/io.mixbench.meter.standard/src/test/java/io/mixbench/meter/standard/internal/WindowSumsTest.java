package io.mixbench.meter.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowSumsTest {

    /** Every window length after every value, from the first on, against the plain sum of the last values. */
    @Test
    void sumsEqualThePlainSumsOfTheLastValues() {
        SplittableRandom random = new SplittableRandom(3);
        WindowSums sums = new WindowSums(300, 10);
        List<Double> all = new ArrayList<>();
        for (int n = 0; n < 1234; n++) {
            // Powers over a 120 dB range, as sub-blocks of music and near-silence give.
            double value = Math.pow(10, -12 * random.nextDouble()) * random.nextDouble();
            sums.add(value);
            all.add(value);
            for (int length : new int[]{10, 30, 40, 290, 300}) {
                double plain = 0;
                for (int i = Math.max(0, all.size() - length); i < all.size(); i++) {
                    plain += all.get(i);
                }
                assertEquals(plain, sums.sum(length), plain * 1e-13, "after " + all.size() + ", window " + length);
            }
        }
        assertEquals(1234, sums.count());
    }

    /** A loud passage leaves nothing behind: sums are of the values, never differences. */
    @Test
    void silenceAfterLoudValuesSumsToExactlyZero() {
        WindowSums sums = new WindowSums(300, 10);
        for (int i = 0; i < 457; i++) {
            sums.add(1e6 + i);
        }
        for (int i = 0; i < 300; i++) {
            assertEquals(i >= 40, sums.sum(40) == 0, "after " + i + " zeros");
            sums.add(0);
        }
        assertEquals(0.0, sums.sum(300));
        assertEquals(0.0, sums.sum(40));
    }

    @Test
    void refusesWindowsItCannotSum() {
        WindowSums sums = new WindowSums(30, 10);
        assertThrows(IllegalArgumentException.class, () -> sums.sum(15));
        assertThrows(IllegalArgumentException.class, () -> sums.sum(40));
        assertThrows(IllegalArgumentException.class, () -> new WindowSums(25, 10));
    }
}
