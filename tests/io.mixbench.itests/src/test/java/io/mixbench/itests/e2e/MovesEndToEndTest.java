package io.mixbench.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.launch.internal.EmbeddedProduct;
import io.mixbench.launch.LaunchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's grouped moves (JSON {@code moves}) applied as an engineer would: one move that several rules ask for,
 * each with its own amount, is one gain that clears every one of them, with no new WARN or PROBLEM.
 */
class MovesEndToEndTest {

    @TempDir
    static Path plugins;

    @TempDir
    Path work;

    /** RuleFixEndToEndTest's helpers (analyze, serious, keys) use its product: this class starts its own there. */
    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(plugins);
        LaunchContext context = new LaunchContext(RuleFixEndToEndTest.home(), plugins, Path.of("").toAbsolutePath(),
                "test");
        RuleFixEndToEndTest.product = EmbeddedProduct.start(context, List.of("core", "rules", "cli"), true, Map.of(),
                System.err);
    }

    @AfterAll
    static void stop() {
        RuleFixEndToEndTest.product.close();
    }

    @Test
    void aHotMixBusIsOneMoveWhoseGainClearsEveryFindingItGroups() throws Exception {
        Multitrack session = Sessions.stems();
        // The master fader 1 dB past full scale: a clipped bounce, no headroom, true peak over, loud for a pre-master.
        session.masterDb = 1.0 - RuleFixEndToEndTest.mixPeakDbfs(session);
        JsonNode hot = RuleFixEndToEndTest.analyze(session.write(work.resolve("hot")), "default");
        List<JsonNode> mixMoves = new ArrayList<>();
        for (JsonNode move : hot.get("moves")) {
            if (move.get("track").asText().equals(Multitrack.MIX) && move.get("kind").asText().equals("level")) {
                mixMoves.add(move);
            }
        }
        assertEquals(1, mixMoves.size(), "one gain move of the mix bus: " + hot.get("moves"));
        JsonNode move = mixMoves.get(0);
        Set<String> rules = new TreeSet<>();
        move.get("rules").forEach(r -> rules.add(r.asText()));
        assertTrue(rules.containsAll(Set.of("mix.headroom", "truePeak.max")), rules.toString());
        // The rules ask for different amounts; the move's is inside what every one of them accepts.
        Set<Double> asked = new TreeSet<>();
        for (JsonNode index : move.get("findings")) {
            asked.add(hot.get("findings").get(index.asInt()).get("fix").get("gainDb").asDouble());
        }
        assertTrue(asked.size() > 1, "the rules ask for different gains: " + asked);
        assertTrue(move.get("conflict").isNull(), move.toString());
        System.err.println("mix bus: the rules ask " + asked + ", the move " + move.get("actions"));

        for (JsonNode fix : move.get("fixes")) {
            FixApplier.apply(fix, session);
        }
        JsonNode fixed = RuleFixEndToEndTest.analyze(session.write(work.resolve("fixed")), "default");
        for (String rule : rules) {
            assertEquals(List.of(), RuleFixEndToEndTest.serious(fixed, rule),
                    "the move " + move.get("actions") + " leaves " + rule + ": "
                            + RuleFixEndToEndTest.summary(fixed));
        }
        assertEquals(Set.of(), RuleFixEndToEndTest.keys(fixed, RuleFixEndToEndTest.SERIOUS),
                "no WARN or PROBLEM after the move: " + RuleFixEndToEndTest.summary(fixed));
    }
}
