package io.mixbench.workbench.internal;

import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetRegistry;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.workspace.OpenSession;
import io.mixbench.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.component.annotations.Component;

/**
 * Chooses the active rule set and edits studio sets (files in the registry's user folder) that extend a shipped
 * one. The text is validated as you type by the workspace; saving a valid set makes it active and analyses again.
 */
@Component(property = {ViewContribution.ID + "=" + RuleSetEditorView.ID, ViewContribution.NAME + "=Rule sets",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_SESSION, StandardViews.ORDER + ":Integer=20"})
public final class RuleSetEditorView implements ViewContribution {

    static final String ID = "io.mixbench.rulesets";
    private static final int VALIDATE_DELAY_MS = 300;

    /** A new studio set extending {@code base}, with nothing changed yet. */
    static String template(String id, String base) {
        return "{\n  \"format\": \"mixbench-ruleset\",\n  \"formatVersion\": 1,\n  \"id\": \"" + id
                + "\",\n  \"title\": \"" + id + "\",\n  \"description\": \"Studio set based on " + base
                + "\",\n  \"extends\": \"" + base + "\",\n  \"rules\": {\n  }\n}\n";
    }

    /** Validates rule-set text: null when valid, else the workspace's message (line, problem). */
    static String validate(Workspace workspace, String text) {
        try {
            workspace.checkRuleSet(text);
            return null;
        } catch (IOException | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    @Override
    public Control createView(Composite parent, ViewSite site) {
        Workspace workspace = site.workspace();
        RuleSetRegistry registry = workspace.ruleSets();
        OpenSession openSession = site.openSession();
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        new Label(root, SWT.NONE).setText("Active set:");
        Combo sets = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
        sets.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button create = new Button(root, SWT.PUSH);
        create.setText("New studio set");
        Button save = new Button(root, SWT.PUSH);
        save.setText("Save and use");
        Text editor = new Text(root, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        editor.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        FontData[] mono = editor.getDisplay().getFontList("DejaVu Sans Mono", true);
        if (mono.length > 0) {
            Font font = new Font(editor.getDisplay(), mono[0].getName(), 10, SWT.NORMAL);
            editor.setFont(font);
            editor.addListener(SWT.Dispose, e -> font.dispose());
        }
        Label problems = new Label(root, SWT.WRAP);
        problems.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        Runnable fillSets = () -> {
            sets.removeAll();
            for (RuleSet s : registry.ruleSets()) {
                sets.add(s.id());
            }
            int i = sets.indexOf(openSession.ruleSetId());
            sets.select(Math.max(0, i));
        };
        fillSets.run();
        sets.addListener(SWT.Selection, e -> {
            String id = sets.getText();
            Path file = registry.userFolder().resolve(id + ".json");
            try {
                editor.setText(Files.isRegularFile(file) ? Files.readString(file) : "");
            } catch (IOException ex) {
                editor.setText("");
            }
            openSession.chooseRuleSet(id);
        });
        create.addListener(SWT.Selection, e -> {
            String base = sets.getText().isEmpty() ? RuleSetRegistry.DEFAULT_ID : sets.getText();
            String id = "studio";
            for (int n = 2; registry.find(id).isPresent(); n++) {
                id = "studio-" + n;
            }
            editor.setText(template(id, base));
        });
        int[] generation = {0};
        editor.addListener(SWT.Modify, e -> {
            int mine = ++generation[0];
            // Validate once typing pauses, not per keystroke.
            editor.getDisplay().timerExec(VALIDATE_DELAY_MS, () -> {
                if (mine == generation[0] && !editor.isDisposed()) {
                    String text = editor.getText();
                    String problem = text.isBlank() ? null : validate(workspace, text);
                    problems.setText(text.isBlank() ? "" : problem == null ? "Valid." : problem);
                    save.setEnabled(!text.isBlank() && problem == null);
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("valid", problem == null);
                    state.put("problem", problem);
                    root.setData(STATE_DATA, state);
                    root.layout();
                }
            });
        });
        save.addListener(SWT.Selection, e -> {
            try {
                RuleSet set = workspace.saveRuleSet(editor.getText());
                fillSets.run();
                sets.select(Math.max(0, sets.indexOf(set.id())));
                openSession.chooseRuleSet(set.id());
                site.setStatus("Saved rule set " + set.id() + "; analysing again.");
            } catch (IOException | RuntimeException ex) {
                problems.setText(String.valueOf(ex.getMessage()));
            }
        });
        return root;
    }
}
