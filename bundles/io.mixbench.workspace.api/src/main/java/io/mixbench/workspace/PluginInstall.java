package io.mixbench.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Workspace#install} did.
 *
 * @param file the copy in the plug-in folder
 * @param replaced older copies of the same bundle that were removed
 * @param plugin the bundle as it now is, or null when it could not be installed
 * @param problem null when it started, else one line naming it and the problem (it stays in the folder)
 */
public record PluginInstall(Path file, List<Path> replaced, Plugin plugin, String problem) {

    public PluginInstall {
        replaced = List.copyOf(replaced);
    }
}
