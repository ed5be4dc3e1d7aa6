package io.mixbench.workbench.internal;

import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.workspace.Plugin;
import io.mixbench.workspace.Workspace;
import io.mixbench.workspace.WorkspaceListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;

/**
 * The installed bundles with version, state and what each brings (rules, meters, report formats, views), as the
 * workspace lists them. Install copies a jar into the plug-in folder and starts it, so it runs at once and again at
 * the next start; uninstall removes a plug-in; stop and start act on the running bundle.
 */
@Component(property = {ViewContribution.ID + "=" + PluginManagerView.ID, ViewContribution.NAME + "=Plug-ins",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_SESSION, StandardViews.ORDER + ":Integer=30"})
public final class PluginManagerView implements ViewContribution {

    static final String ID = "io.mixbench.plugins";
    /** Bundle events come in bursts (a plug-in's install, resolve, start): the table is filled once per burst. */
    private static final int REFRESH_DELAY_MS = 200;

    @Override
    public Control createView(Composite parent, ViewSite site) {
        Workspace workspace = site.workspace();
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        Table table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String[] c : new String[][]{{"Bundle", "210"}, {"Brings", "260"}, {"State", "60"}, {"Version", "120"}}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        Button install = button(root, "Install...");
        Button toggle = button(root, "Stop");
        Button uninstall = button(root, "Uninstall");
        Runnable refresh = () -> fill(table, workspace.bundles());
        install.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(site.shell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[]{"*.jar"});
            String f = dialog.open();
            if (f != null) {
                install(site, root, Path.of(f));
            }
        });
        toggle.addListener(SWT.Selection, e -> {
            Plugin p = selected(table);
            if (p != null) {
                try {
                    workspace.setStarted(p.symbolicName(), p.state() != Plugin.State.ACTIVE);
                } catch (IOException | RuntimeException ex) {
                    site.setStatus(ex.getMessage());
                }
            }
        });
        uninstall.addListener(SWT.Selection, e -> {
            Plugin p = selected(table);
            if (p == null) {
                return;
            }
            if (!p.plugin()) {
                site.setStatus(p.symbolicName() + " is part of the product: stop it instead.");
                return;
            }
            try {
                workspace.uninstall(p.file().getFileName().toString());
                site.setStatus("Removed " + p.file().getFileName() + " from the plug-in folder.");
            } catch (IOException | RuntimeException ex) {
                site.setStatus("Cannot remove " + p.file() + ": " + ex.getMessage());
            }
        });
        table.addListener(SWT.Selection, e -> {
            Plugin p = selected(table);
            toggle.setText(p != null && p.state() == Plugin.State.ACTIVE ? "Stop" : "Start");
            uninstall.setEnabled(p != null && p.plugin());
            root.layout();
        });
        // Bundle events arrive on framework threads: refresh on the UI thread, once per burst.
        boolean[] pending = {false};
        WorkspaceListener listener = new WorkspaceListener() {
            @Override
            public void bundlesChanged() {
                StandardViews.async(table, () -> {
                    if (!pending[0]) {
                        pending[0] = true;
                        table.getDisplay().timerExec(REFRESH_DELAY_MS, () -> {
                            pending[0] = false;
                            if (!table.isDisposed()) {
                                refresh.run();
                            }
                        });
                    }
                });
            }
        };
        workspace.addListener(listener);
        table.addListener(SWT.Dispose, e -> workspace.removeListener(listener));
        refresh.run();
        return root;
    }

    /**
     * Installs a jar through the workspace off the UI thread: copying and starting a plug-in may take the
     * launcher's whole time limit.
     */
    static void install(ViewSite site, Control owner, Path jar) {
        site.setStatus("Installing " + jar.getFileName() + "...");
        CompletableFuture.supplyAsync(() -> {
            try {
                return site.workspace().install(jar);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }).whenComplete((done, failure) -> StandardViews.async(owner, () -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                String message = "Cannot install " + jar + ": " + cause.getMessage();
                site.setStatus(message);
                System.err.println("mixbench: " + message);
                MessageBox box = new MessageBox(site.shell(), SWT.ICON_ERROR | SWT.OK);
                box.setMessage(message);
                box.open();
            } else if (done.problem() != null) {
                site.setStatus(done.problem());
            }
        }));
    }

    private static Button button(Composite root, String text) {
        Button b = new Button(root, SWT.PUSH);
        b.setText(text);
        return b;
    }

    private static Plugin selected(Table table) {
        TableItem[] items = table.getSelection();
        return items.length == 1 ? (Plugin) items[0].getData() : null;
    }

    private static void fill(Table table, List<Plugin> bundles) {
        table.removeAll();
        List<Object> plugins = new ArrayList<>();
        for (Plugin b : bundles) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(b);
            String brings = brings(b);
            String state = b.state().name().toLowerCase(Locale.ROOT);
            item.setText(new String[]{(b.plugin() ? "* " : "") + b.symbolicName(), brings, state, b.version()});
            if (b.plugin()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("bundle", b.symbolicName());
                p.put("state", state);
                p.put("brings", brings);
                plugins.add(p);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bundles", table.getItemCount());
        state.put("plugins", plugins);
        table.getParent().setData(STATE_DATA, state);
    }

    /** "rules: a, b; views: c". */
    private static String brings(Plugin b) {
        StringBuilder s = new StringBuilder();
        b.brings().forEach((kind, ids) -> s.append(s.length() == 0 ? "" : "; ").append(kind).append(": ")
                .append(String.join(", ", ids.stream().sorted().toList())));
        return s.toString();
    }
}
