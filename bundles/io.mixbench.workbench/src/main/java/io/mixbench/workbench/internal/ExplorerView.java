package io.mixbench.workbench.internal;

import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import io.mixbench.ui.Selection;
import io.mixbench.ui.ViewContribution;
import io.mixbench.ui.ViewSite;
import io.mixbench.ui.WorkbenchListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.osgi.service.component.annotations.Component;

/**
 * The session: parts (by multi-mic group), the mix and the references, with their roles. Roles are edited from the
 * context menu; files and folders are added by drag and drop or the menu. Selecting a track selects it everywhere.
 */
@Component(property = {ViewContribution.ID + "=" + ExplorerView.ID, ViewContribution.NAME + "=Session",
        ViewContribution.CATEGORY + "=" + ViewContribution.CATEGORY_SESSION, StandardViews.ORDER + ":Integer=10"})
public final class ExplorerView implements ViewContribution {

    static final String ID = "io.mixbench.explorer";

    @Override
    public Control createView(Composite parent, ViewSite site) {
        return new Part(parent, site).tree;
    }

    private static final class Part implements WorkbenchListener {
        final ViewSite site;
        final Tree tree;

        Part(Composite parent, ViewSite site) {
            this.site = site;
            tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
            tree.setHeaderVisible(true);
            for (String[] c : new String[][]{{"Track", "170"}, {"Role", "120"}, {"File", "300"}}) {
                TreeColumn column = new TreeColumn(tree, SWT.LEFT);
                column.setText(c[0]);
                column.setWidth(Integer.parseInt(c[1]));
            }
            tree.addListener(SWT.Selection, e -> {
                if (e.item != null && e.item.getData() instanceof Track t) {
                    site.setSelection(Selection.ofTracks(List.of(t.name())));
                }
            });
            DropTarget drop = new DropTarget(tree, DND.DROP_COPY | DND.DROP_DEFAULT);
            drop.setTransfer(new Transfer[]{FileTransfer.getInstance()});
            drop.addDropListener(Window.fileDrop(site::addFiles));
            contextMenu();
            site.addListener(this);
            sessionChanged(site.session());
        }

        private void contextMenu() {
            Menu menu = new Menu(tree);
            MenuItem roleItem = new MenuItem(menu, SWT.CASCADE);
            roleItem.setText("Role");
            Menu roles = new Menu(menu);
            roleItem.setMenu(roles);
            for (Role role : Role.values()) {
                MenuItem r = new MenuItem(roles, SWT.RADIO);
                r.setText(role.displayName());
                r.setData(role);
                r.addListener(SWT.Selection, e -> {
                    if (r.getSelection()) {
                        setRole(role);
                    }
                });
            }
            MenuItem remove = new MenuItem(menu, SWT.PUSH);
            remove.setText("Remove Track");
            remove.addListener(SWT.Selection, e -> removeTrack());
            new MenuItem(menu, SWT.SEPARATOR);
            MenuItem add = new MenuItem(menu, SWT.PUSH);
            add.setText("Add Files or Folders: drop them here, or use File > Add");
            add.setEnabled(false);
            menu.addListener(SWT.Show, e -> {
                Track t = selectedTrack();
                roleItem.setEnabled(t != null);
                remove.setEnabled(t != null);
                for (MenuItem r : roles.getItems()) {
                    r.setSelection(t != null && r.getData() == t.role());
                }
            });
            tree.setMenu(menu);
        }

        private Track selectedTrack() {
            TreeItem[] items = tree.getSelection();
            return items.length == 1 && items[0].getData() instanceof Track t ? t : null;
        }

        private void setRole(Role role) {
            Track t = selectedTrack();
            Session s = site.session();
            if (t == null || s == null || t.role() == role) {
                return;
            }
            List<Track> tracks = new ArrayList<>();
            for (Track other : s.tracks()) {
                tracks.add(other.name().equals(t.name()) ? other.withRole(role) : other);
            }
            site.updateSession(s.withTracks(tracks));
        }

        private void removeTrack() {
            Track t = selectedTrack();
            Session s = site.session();
            if (t != null && s != null) {
                site.updateSession(s.withTracks(s.tracks().stream().filter(o -> !o.name().equals(t.name())).toList()));
            }
        }

        @Override
        public void sessionChanged(Session session) {
            tree.setRedraw(false);
            tree.removeAll();
            if (session != null) {
                TreeItem parts = folder("Parts (" + session.parts().size() + ")");
                Map<String, TreeItem> groups = new LinkedHashMap<>();
                for (Track t : session.parts()) {
                    TreeItem under = parts;
                    if (t.group() != null && !t.group().isBlank()) {
                        under = groups.computeIfAbsent(t.group(), g -> {
                            TreeItem group = new TreeItem(parts, SWT.NONE);
                            group.setText(new String[]{g, "group", ""});
                            return group;
                        });
                    }
                    track(under, t);
                }
                TreeItem mix = folder("Mix");
                session.mix().ifPresent(t -> track(mix, t));
                TreeItem refs = folder("References (" + session.references().size() + ")");
                session.references().forEach(t -> track(refs, t));
                for (TreeItem top : tree.getItems()) {
                    top.setExpanded(true);
                }
                for (TreeItem group : groups.values()) {
                    group.setExpanded(true);
                }
            }
            tree.setRedraw(true);
            selectionChanged(site.selection());
        }

        private TreeItem folder(String name) {
            TreeItem item = new TreeItem(tree, SWT.NONE);
            item.setText(name);
            return item;
        }

        private static void track(TreeItem parent, Track t) {
            TreeItem item = new TreeItem(parent, SWT.NONE);
            item.setText(new String[]{t.name(), t.role().displayName(), t.file().getFileName().toString()});
            item.setData(t);
        }

        @Override
        public void selectionChanged(Selection selection) {
            TreeItem found = find(tree.getItems(), selection.primaryTrack());
            if (found != null) {
                tree.setSelection(found);
            } else {
                tree.deselectAll();
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("selected", found == null ? null : ((Track) found.getData()).name());
            state.put("tracks", site.session() == null ? 0 : site.session().tracks().size());
            tree.setData(STATE_DATA, state);
        }

        private static TreeItem find(TreeItem[] items, String name) {
            if (name == null) {
                return null;
            }
            for (TreeItem item : items) {
                if (item.getData() instanceof Track t && t.name().equals(name)) {
                    return item;
                }
                TreeItem inner = find(item.getItems(), name);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
    }
}
