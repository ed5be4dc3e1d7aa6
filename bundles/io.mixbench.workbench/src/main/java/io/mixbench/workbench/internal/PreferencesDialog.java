package io.mixbench.workbench.internal;

import java.io.IOException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** File > Preferences: the analysis settings, saved at once to the preferences file. */
final class PreferencesDialog {

    private final Window window;

    PreferencesDialog(Window window) {
        this.window = window;
    }

    void open() {
        Shell dialog = new Shell(window.shell(), SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        dialog.setText("Preferences");
        dialog.setLayout(new GridLayout(2, false));
        Button onOpen = check(dialog, "Analyse a session as soon as it is opened", Preferences.ANALYSE_ON_OPEN);
        Button cache = check(dialog, "Use the analysis cache for unchanged files", Preferences.USE_CACHE);
        Label where = new Label(dialog, SWT.NONE);
        where.setText("Stored in " + window.prefs.file());
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Button ok = new Button(dialog, SWT.PUSH);
        ok.setText("OK");
        ok.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, true, false));
        Button cancel = new Button(dialog, SWT.PUSH);
        cancel.setText("Cancel");
        ok.addListener(SWT.Selection, e -> {
            window.prefs.put(Preferences.ANALYSE_ON_OPEN, String.valueOf(onOpen.getSelection()));
            window.prefs.put(Preferences.USE_CACHE, String.valueOf(cache.getSelection()));
            window.preferencesChanged();
            try {
                window.prefs.save();
            } catch (IOException ex) {
                window.setStatus("Cannot save preferences: " + ex.getMessage());
            }
            dialog.close();
        });
        cancel.addListener(SWT.Selection, e -> dialog.close());
        dialog.setDefaultButton(ok);
        dialog.pack();
        dialog.open();
    }

    private Button check(Shell dialog, String text, String key) {
        Button b = new Button(dialog, SWT.CHECK);
        b.setText(text);
        b.setSelection(window.prefs.flag(key, true));
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return b;
    }
}
