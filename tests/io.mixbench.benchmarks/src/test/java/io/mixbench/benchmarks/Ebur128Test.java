package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class Ebur128Test {

    @Test
    void readsTheProgramsOutputIncludingSilence() throws IOException {
        Ebur128.Result r = Ebur128.parse("version\t1.2.6\nintegrated_LUFS\t-inf\nloudness_range_LU\t0.0000\n"
                + "sample_peak_dBFS\t-inf\ntrue_peak_dBTP\t-3.5000\nchannels\t2\nsample_rate_Hz\t44100\n"
                + "frames\t88200\ndecode_s\t0.010000\nmeasure_s\t0.020000\nmeasure_cpu_s\t0.019000\n");
        assertEquals("1.2.6", r.version());
        assertEquals(Double.NEGATIVE_INFINITY, r.integratedLufs());
        assertEquals(Double.NEGATIVE_INFINITY, r.samplePeakDbfs());
        assertEquals(-3.5, r.truePeakDbtp());
        assertEquals(2, r.channels());
        assertEquals(2.0, r.seconds());
        assertEquals(0.02, r.measureSeconds());
        assertEquals(0.019, r.measureCpuSeconds());
    }

    @Test
    void missingValuesAreAnError() {
        assertThrows(IOException.class, () -> Ebur128.parse("integrated_LUFS\t-23.0\n"));
    }
}
