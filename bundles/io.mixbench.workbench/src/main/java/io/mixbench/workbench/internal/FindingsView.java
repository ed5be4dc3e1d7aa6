package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Severity;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;

/**
 * Findings of the latest analysis: sortable by any column, filterable by severity (at or above), rule and track.
 * Selecting a finding selects its tracks and time range in every view.
 */
@Component(property = {ViewContribution.ID + "=" + FindingsView.ID, ViewContribution.NAME + "=Findings",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_ANALYSIS, StandardViews.ORDER + ":Integer=10"})
public final class FindingsView implements ViewContribution {

    static final String ID = "io.mixbench.findings";
    static final String ANY = "(any)";

    private static final String[] TITLES = {"Severity", "Rule", "Track", "Message", "Measured", "Target", "Fix"};
    private static final int[] WIDTHS = {80, 150, 110, 420, 110, 150, 260};
    private static final List<Function<Finding, String>> COLUMNS = List.of(f -> f.severity().id(), Finding::ruleId,
            StandardViews::firstTrack, Finding::message, StandardViews::measured,
            f -> f.target() == null ? "" : f.target().describe(), f -> f.suggestion() == null ? "" : f.suggestion());

    @Override
    public Control createView(Composite parent, ViewSite site) {
        return new Part(parent, site).root;
    }

    private static final class Part implements WorkbenchListener {
        final ViewSite site;
        final Composite root;
        final Combo severity;
        final Combo rule;
        final Combo track;
        final Table table;
        final Map<Severity, Color> colours;
        final List<Finding> rows = new ArrayList<>();
        int sortColumn = -1;
        boolean ascending = true;

        Part(Composite parent, ViewSite site) {
            this.site = site;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(6, false));
            severity = filter("Severity at least");
            rule = filter("Rule");
            track = filter("Track");
            severity.add(ANY);
            for (Severity s : Severity.values()) {
                severity.add(s.id());
            }
            severity.select(0);
            table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
            table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
            table.setHeaderVisible(true);
            table.setLinesVisible(true);
            colours = StandardViews.severityColours(table);
            for (int i = 0; i < TITLES.length; i++) {
                TableColumn c = new TableColumn(table, SWT.LEFT);
                c.setText(TITLES[i]);
                c.setWidth(WIDTHS[i]);
                int index = i;
                c.addListener(SWT.Selection, e -> sortBy(index));
            }
            table.addListener(SWT.Selection, e -> {
                if (e.item != null && e.item.getData() instanceof Finding f) {
                    site.setSelection(Selection.ofFinding(f));
                }
            });
            site.addListener(this);
            resultChanged(site.result());
        }

        private Combo filter(String label) {
            new Label(root, SWT.NONE).setText(label + ":");
            Combo combo = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
            combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            combo.addListener(SWT.Selection, e -> refill());
            return combo;
        }

        private void sortBy(int column) {
            ascending = column != sortColumn || !ascending;
            sortColumn = column;
            table.setSortColumn(table.getColumn(column));
            table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
            refill();
        }

        @Override
        public void resultChanged(AnalysisResult result) {
            choices(rule, result == null ? List.of() : result.findings().stream().map(Finding::ruleId).toList());
            choices(track, result == null ? List.of() : result.tracks().stream().map(t -> t.name()).toList());
            refill();
        }

        private static void choices(Combo combo, List<String> values) {
            String kept = combo.getSelectionIndex() > 0 ? combo.getText() : ANY;
            combo.removeAll();
            combo.add(ANY);
            new TreeSet<>(values).forEach(combo::add);
            int index = combo.indexOf(kept);
            combo.select(Math.max(index, 0));
        }

        @Override
        public void selectionChanged(Selection selection) {
            int index = selection.finding() == null ? -1 : rows.indexOf(selection.finding());
            if (index >= 0) {
                table.setSelection(index);
            } else if (selection.finding() == null) {
                table.deselectAll();
            }
            state();
        }

        private void refill() {
            rows.clear();
            AnalysisResult result = site.result();
            if (result != null) {
                Severity min = Severity.fromId(severity.getText()).orElse(Severity.OK);
                for (Finding f : result.findings()) {
                    if (f.severity().reaches(min) && matches(rule, f.ruleId()) && (track.getSelectionIndex() <= 0
                            || f.tracks().contains(track.getText()))) {
                        rows.add(f);
                    }
                }
                if (sortColumn >= 0) {
                    Comparator<Finding> order = sortColumn == 0
                            ? Comparator.comparing(Finding::severity)
                            : Comparator.comparing(COLUMNS.get(sortColumn), String.CASE_INSENSITIVE_ORDER);
                    rows.sort(ascending ? order : order.reversed());
                }
            }
            table.setRedraw(false);
            table.removeAll();
            for (Finding f : rows) {
                TableItem item = new TableItem(table, SWT.NONE);
                String[] texts = new String[COLUMNS.size()];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = COLUMNS.get(i).apply(f);
                }
                item.setText(texts);
                item.setForeground(0, colours.get(f.severity()));
                item.setData(f);
            }
            table.setRedraw(true);
            selectionChanged(site.selection());
        }

        private static boolean matches(Combo combo, String value) {
            return combo.getSelectionIndex() <= 0 || combo.getText().equals(value);
        }

        private void state() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("rows", rows.size());
            state.put("selectedRow", table.getSelectionIndex());
            state.put("sortColumn", sortColumn < 0 ? null : TITLES[sortColumn]);
            root.setData(STATE_DATA, state);
        }
    }
}
