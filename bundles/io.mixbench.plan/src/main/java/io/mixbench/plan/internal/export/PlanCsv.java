package io.mixbench.plan.internal.export;

import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Fix;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moves as CSV (docs/plan-exports.md): one row a fix of each move, in the order to make the moves; the standard
 * actions in columns of their own, any other action in "otherActions".
 */
public final class PlanCsv {

    /** The action columns, each headed by its {@link Fix} key (which names its unit). */
    static final List<String> ACTIONS = List.of(Fix.GAIN_DB, Fix.ALL_PARTS, Fix.START_SECONDS, Fix.END_SECONDS,
            Fix.PAN_PERCENT, Fix.BALANCE_DB, Fix.WIDTH_PERCENT, Fix.SIDE_HIGH_PASS_HZ, Fix.HIGH_PASS_HZ,
            Fix.FILTER_TYPE, Fix.FILTER_SLOPE_DB_PER_OCTAVE, Fix.INVERT_POLARITY, Fix.TRUE_PEAK_LIMIT_DBTP);

    private PlanCsv() {
    }

    public static void write(VerifiedPlan plan, OutputStream out) throws IOException {
        CsvOut csv = new CsvOut(out);
        List<String> header = new ArrayList<>(List.of("order", "id", "kind", "track"));
        header.addAll(ACTIONS);
        header.addAll(List.of("rules", "text", "otherActions"));
        csv.row(header);
        int order = 0;
        for (PlannedMove move : plan.plan().moves()) {
            order++;
            for (Fix fix : move.fixes()) {
                List<String> row = new ArrayList<>(header.size());
                row.add(Integer.toString(order));
                row.add(CsvOut.text(move.id()));
                row.add(move.kind().id());
                row.add(CsvOut.text(fix.track()));
                Map<String, Object> others = new LinkedHashMap<>(fix.actions());
                for (String action : ACTIONS) {
                    row.add(cell(others.remove(action)));
                }
                row.add(CsvOut.text(String.join(";", move.rules())));
                row.add(CsvOut.text(move.text()));
                List<String> rest = new ArrayList<>();
                others.forEach((key, value) -> rest.add(key + "=" + value));
                row.add(CsvOut.text(String.join(";", rest)));
                csv.row(row);
            }
        }
        csv.flush();
    }

    /** A number in full precision, a boolean as true/false, text guarded; empty for none. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return CsvOut.number(number.doubleValue());
        }
        return CsvOut.text(value.toString());
    }
}
