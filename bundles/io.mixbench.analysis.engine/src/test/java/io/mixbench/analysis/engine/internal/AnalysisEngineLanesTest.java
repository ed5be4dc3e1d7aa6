package io.mixbench.analysis.engine.internal;

import org.junit.jupiter.api.BeforeEach;

/**
 * {@link AnalysisEngineTest} with each file measured on several threads (three of three tracks, all nine alone) whatever the cores,
 * its meters split round-robin: progress, cancel, failing meters and files, the cache.
 */
class AnalysisEngineLanesTest extends AnalysisEngineTest {

    @Override
    @BeforeEach
    void threads() {
        engine.meterThreads = 9;
        engine.splitByCost = false;
    }
}
