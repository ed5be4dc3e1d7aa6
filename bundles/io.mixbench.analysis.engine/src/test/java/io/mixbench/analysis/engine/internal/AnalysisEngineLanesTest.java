package io.mixbench.analysis.engine.internal;

import org.junit.jupiter.api.BeforeEach;

/**
 * {@link AnalysisEngineTest} with every file measured on three threads whatever the cores and the other tracks,
 * its meters split round-robin from the first block: progress, cancel, failing meters and files, the cache.
 */
class AnalysisEngineLanesTest extends AnalysisEngineTest {

    @Override
    @BeforeEach
    void threads() {
        engine.meterThreads = 3;
        engine.cores = 64;
        engine.calibrationBlocks = 0;
    }
}
