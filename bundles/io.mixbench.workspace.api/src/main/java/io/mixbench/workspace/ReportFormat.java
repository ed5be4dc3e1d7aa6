package io.mixbench.workspace;

/**
 * An installed report format.
 *
 * @param id the format's id, e.g. "html"
 * @param fileExtension the extension of its files, without the dot, e.g. "html"
 * @param mediaType its media type, e.g. "text/html"; null when not known
 */
public record ReportFormat(String id, String fileExtension, String mediaType) {

    /** A format whose media type is not known. */
    public ReportFormat(String id, String fileExtension) {
        this(id, fileExtension, null);
    }
}
