package io.mixbench.workbench.internal;

import io.mixbench.meter.MeterFactory;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Rule;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The installed bundles with version, state and what each brings (rules, meters, report formats, views). Install
 * copies a jar into the watched plug-in folder, so it is installed at once and again at the next start; uninstall
 * deletes a plug-in's jar; stop and start act on the running bundle.
 */
@Component(property = {ViewContribution.ID + "=" + PluginManagerView.ID, ViewContribution.NAME + "=Plug-ins",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_SESSION, StandardViews.ORDER + ":Integer=30"})
public final class PluginManagerView implements ViewContribution {

    static final String ID = "io.mixbench.plugins";

    private BundleContext context;

    @Activate
    void activate(BundleContext bc) {
        this.context = bc;
    }

    /**
     * Copies a bundle jar into the plug-in folder (atomically, so the file-install bundle never sees half a jar).
     *
     * @return the copy
     * @throws IOException when the file is not an OSGi bundle or cannot be copied
     */
    static Path install(Path jar, Path pluginsDir) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                throw new IOException(jar.getFileName() + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
        }
        Files.createDirectories(pluginsDir);
        Path target = pluginsDir.resolve(jar.getFileName());
        Path tmp = Files.createTempFile(pluginsDir, ".install-", ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** The plug-in folder's file of a bundle, or null when the bundle came with the product. */
    static Path pluginFile(Bundle b, Path pluginsDir) {
        try {
            Path p = Path.of(URI.create(b.getLocation()));
            return p.toAbsolutePath().normalize().startsWith(pluginsDir.toAbsolutePath().normalize()) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Control createView(Composite parent, ViewSite site) {
        Window window = StandardViews.window(site);
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
        Runnable refresh = () -> fill(table, window.wb.pluginsDir());
        install.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(site.shell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[]{"*.jar"});
            String f = dialog.open();
            if (f != null) {
                installFromFile(window, Path.of(f));
            }
        });
        toggle.addListener(SWT.Selection, e -> {
            Bundle b = selected(table);
            if (b != null) {
                try {
                    if (b.getState() == Bundle.ACTIVE) {
                        b.stop();
                    } else {
                        b.start();
                    }
                } catch (BundleException | RuntimeException ex) {
                    site.setStatus(b.getSymbolicName() + ": " + ex.getMessage());
                }
            }
        });
        uninstall.addListener(SWT.Selection, e -> {
            Bundle b = selected(table);
            if (b == null) {
                return;
            }
            Path file = pluginFile(b, window.wb.pluginsDir());
            try {
                if (file != null) {
                    // The file-install bundle uninstalls a bundle whose jar goes away.
                    Files.deleteIfExists(file);
                    site.setStatus("Removed " + file.getFileName() + " from the plug-in folder.");
                } else {
                    site.setStatus(b.getSymbolicName() + " is part of the product: stop it instead.");
                }
            } catch (IOException ex) {
                site.setStatus("Cannot remove " + file + ": " + ex.getMessage());
            }
        });
        table.addListener(SWT.Selection, e -> {
            Bundle b = selected(table);
            toggle.setText(b != null && b.getState() == Bundle.ACTIVE ? "Stop" : "Start");
            uninstall.setEnabled(b != null && pluginFile(b, window.wb.pluginsDir()) != null);
            root.layout();
        });
        // Bundle events arrive on framework threads: refresh on the UI thread, once per burst.
        boolean[] pending = {false};
        BundleListener listener = (BundleEvent event) -> window.async(() -> {
            if (!pending[0] && !table.isDisposed()) {
                pending[0] = true;
                table.getDisplay().timerExec(200, () -> {
                    pending[0] = false;
                    if (!table.isDisposed()) {
                        refresh.run();
                    }
                });
            }
        });
        context.addBundleListener(listener);
        table.addListener(SWT.Dispose, e -> {
            try {
                context.removeBundleListener(listener);
            } catch (IllegalStateException ex) {
                // This bundle is stopping: its listeners go with it.
            }
        });
        refresh.run();
        return root;
    }

    static void installFromFile(Window window, Path jar) {
        try {
            Path copy = install(jar, window.wb.pluginsDir());
            window.setStatus("Installing " + copy.getFileName() + "...");
        } catch (IOException e) {
            window.error("Cannot install " + jar + ": " + e.getMessage());
        }
    }

    private static Button button(Composite root, String text) {
        Button b = new Button(root, SWT.PUSH);
        b.setText(text);
        return b;
    }

    private static Bundle selected(Table table) {
        TableItem[] items = table.getSelection();
        return items.length == 1 ? (Bundle) items[0].getData() : null;
    }

    private void fill(Table table, Path pluginsDir) {
        List<Bundle> bundles = new ArrayList<>(Arrays.asList(context.getBundles()));
        bundles.sort(Comparator.comparing((Bundle b) -> pluginFile(b, pluginsDir) == null)
                .thenComparing(b -> String.valueOf(b.getSymbolicName())));
        table.removeAll();
        List<Object> plugins = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getBundleId() == 0) {
                continue;
            }
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(b);
            boolean plugin = pluginFile(b, pluginsDir) != null;
            String brings = brings(b);
            item.setText(new String[]{(plugin ? "* " : "") + b.getSymbolicName(), brings, state(b.getState()),
                    b.getVersion().toString()});
            if (plugin) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("bundle", b.getSymbolicName());
                p.put("state", state(b.getState()));
                p.put("brings", brings);
                plugins.add(p);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("bundles", table.getItemCount());
        state.put("plugins", plugins);
        table.getParent().setData(STATE_DATA, state);
    }

    /** "rules: a, b; views: c" from the services the bundle registered. */
    private static String brings(Bundle b) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                add(kinds, "rules", ref.getProperty(Rule.ID));
                add(kinds, "meters", ref.getProperty(MeterFactory.ID));
                add(kinds, "reports", ref.getProperty(ReportRenderer.FORMAT));
                add(kinds, "views", ref.getProperty(ViewContribution.ID));
            }
        }
        StringBuilder s = new StringBuilder();
        kinds.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append(": ")
                .append(String.join(", ", v.stream().sorted().toList())));
        return s.toString();
    }

    private static void add(Map<String, List<String>> kinds, String kind, Object value) {
        if (value instanceof String s) {
            kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(s);
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
