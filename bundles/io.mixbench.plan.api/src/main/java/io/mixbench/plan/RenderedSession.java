package io.mixbench.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What rendering a plan wrote.
 *
 * @param sessionFile the session file of the rendered session (its stems and its mix), ready to open and analyse
 * @param stems the rendered file of each part, by track name, in session order
 * @param mix the rendered mix, the exact sum of the rendered stems
 * @param mixPeakDbfs the rendered mix's sample peak, dBFS (before any conversion to PCM)
 */
public record RenderedSession(Path sessionFile, Map<String, Path> stems, Path mix, double mixPeakDbfs) {

    public RenderedSession {
        Objects.requireNonNull(sessionFile, "sessionFile");
        Objects.requireNonNull(mix, "mix");
        stems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stems));
    }
}
