package io.mixbench.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads findings out of a JSON report. */
final class Findings {

    private Findings() {
    }

    static List<JsonNode> all(JsonNode report) {
        List<JsonNode> list = new ArrayList<>();
        report.get("findings").forEach(list::add);
        return list;
    }

    /** "rule@firstTrack" of every finding of these severities, sorted. */
    static Set<String> keys(JsonNode report, String... severities) {
        Set<String> wanted = Set.of(severities);
        Set<String> keys = new TreeSet<>();
        for (JsonNode f : all(report)) {
            if (wanted.contains(f.get("severity").asText())) {
                JsonNode tracks = f.get("tracks");
                keys.add(f.get("rule").asText() + "@" + (tracks.isEmpty() ? "" : tracks.get(0).asText()));
            }
        }
        return keys;
    }

    static List<JsonNode> ofRule(JsonNode report, String ruleId) {
        return all(report).stream().filter(f -> f.get("rule").asText().equals(ruleId)).toList();
    }

    static boolean ruleTookPart(JsonNode report, String ruleId) {
        for (JsonNode r : report.get("ruleSet").get("rules")) {
            if (r.get("id").asText().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }
}
