package com.example.mixbench.view;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;

/**
 * A third-party view: the crest factor (peak over RMS, dB) of every measured track, the selected track first. It
 * creates no colours or fonts, so it has nothing to dispose beyond its table.
 */
@Component(property = {ViewContribution.ID + "=com.example.crest", ViewContribution.NAME + "=Crest factor",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_DETAIL,
        ViewContribution.ICON + "=icons/crest.png"})
public final class CrestFactorView implements ViewContribution {

    @Override
    public Control createView(Composite parent, ViewSite site) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        for (String title : new String[]{"Track", "Crest factor (dB)"}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(180);
        }
        WorkbenchListener listener = new WorkbenchListener() {
            @Override
            public void resultChanged(AnalysisResult result) {
                fill(table, result, site.selection());
            }

            @Override
            public void selectionChanged(Selection selection) {
                fill(table, site.result(), selection);
            }
        };
        site.addListener(listener);
        fill(table, site.result(), site.selection());
        return table;
    }

    private static void fill(Table table, AnalysisResult result, Selection selection) {
        table.removeAll();
        List<String> shown = new ArrayList<>();
        if (result != null) {
            List<MeasuredTrack> tracks = new ArrayList<>(result.tracks());
            String first = selection.primaryTrack();
            // The selected track goes first, so following a finding needs no scrolling.
            tracks.sort((a, b) -> Boolean.compare(!a.name().equals(first), !b.name().equals(first)));
            for (MeasuredTrack track : tracks) {
                var crest = track.scalar(MeasurementIds.CREST_FACTOR);
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[]{track.name(),
                        crest.isPresent() ? String.format(Locale.ROOT, "%.1f", crest.getAsDouble()) : "-"});
                shown.add(track.name());
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("tracks", shown);
        table.setData(STATE_DATA, state);
    }
}
