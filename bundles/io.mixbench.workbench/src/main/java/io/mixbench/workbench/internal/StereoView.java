package io.mixbench.workbench.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;

/** Per track: correlation, width, balance and the low end's pan and side level (docs/measurements.md). */
@Component(property = {ViewContribution.ID + "=" + StereoView.ID, ViewContribution.NAME + "=Stereo / low end",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_DETAIL, StandardViews.ORDER + ":Integer=40"})
public final class StereoView implements ViewContribution {

    static final String ID = "io.mixbench.stereo";
    /** Stereo meter ids not (yet) in the meter API; see docs/measurements.md. */
    static final String CORRELATION = io.mixbench.meter.MeasurementIds.CORRELATION;
    static final String WIDTH = io.mixbench.meter.MeasurementIds.WIDTH;

    private static final String[][] COLUMNS = {{"Track", ""}, {"Correlation", CORRELATION}, {"Width (dB)", WIDTH},
            {"Balance (dB)", MeasurementIds.BALANCE}, {"Low-end pan (%)", MeasurementIds.LOW_END_PAN},
            {"Low-end side (dB)", MeasurementIds.LOW_END_SIDE}};

    @Override
    public Control createView(Composite parent, ViewSite site) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String[] c : COLUMNS) {
            TableColumn column = new TableColumn(table, c[1].isEmpty() ? SWT.LEFT : SWT.RIGHT);
            column.setText(c[0]);
            column.setWidth(c[1].isEmpty() ? 150 : 120);
        }
        table.addListener(SWT.Selection, e -> {
            if (e.item != null && e.item.getData() instanceof MeasuredTrack t) {
                site.setSelection(Selection.ofTracks(List.of(t.name())));
            }
        });
        WorkbenchListener listener = new WorkbenchListener() {
            @Override
            public void resultChanged(AnalysisResult result) {
                table.removeAll();
                if (result != null) {
                    for (MeasuredTrack t : result.tracks()) {
                        TableItem item = new TableItem(table, SWT.NONE);
                        item.setData(t);
                        item.setText(0, t.name());
                        for (int i = 1; i < COLUMNS.length; i++) {
                            var v = t.scalar(COLUMNS[i][1]);
                            item.setText(i, v.isPresent()
                                    ? String.format(java.util.Locale.ROOT, i == 1 ? "%.2f" : "%.1f", v.getAsDouble())
                                    : "-");
                        }
                    }
                }
                selectionChanged(site.selection());
            }

            @Override
            public void selectionChanged(Selection selection) {
                String selected = null;
                table.deselectAll();
                for (int i = 0; i < table.getItemCount(); i++) {
                    if (((MeasuredTrack) table.getItem(i).getData()).name().equals(selection.primaryTrack())) {
                        table.setSelection(i);
                        selected = selection.primaryTrack();
                    }
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("selected", selected);
                state.put("rows", table.getItemCount());
                table.setData(STATE_DATA, state);
            }
        };
        site.addListener(listener);
        listener.resultChanged(site.result());
        return table;
    }
}
