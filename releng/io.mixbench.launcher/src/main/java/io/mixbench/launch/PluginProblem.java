package io.mixbench.launch;

/**
 * A plug-in bundle the launcher could not install or start: not a bundle, does not resolve, its activator threw,
 * did not return within the start time limit, or tried to end the process.
 *
 * @param symbolicName the bundle's symbolic name, or the jar's file name when it is not a bundle
 * @param version the bundle's version ("" when it is not a bundle)
 * @param location the bundle's location (a file: URI)
 * @param message one line naming the bundle and saying what went wrong
 */
public record PluginProblem(String symbolicName, String version, String location, String message) {
}
