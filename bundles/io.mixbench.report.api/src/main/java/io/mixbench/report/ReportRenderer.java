package io.mixbench.report;

import io.mixbench.analysis.AnalysisResult;
import java.io.IOException;
import java.io.OutputStream;

/** Writes analysis results in one format. An OSGi service; thread-safe. */
@org.osgi.annotation.versioning.ConsumerType
public interface ReportRenderer {

    /** Service property: the format id, e.g. {@code "json"}. Type: String. */
    String FORMAT = "report.format";

    /** The format id, e.g. {@code "text"}, {@code "json"}; equal to the {@link #FORMAT} property. */
    String format();

    /** The usual file extension, without the dot. */
    String fileExtension();

    /** The media type, e.g. {@code "application/json"}. */
    String mediaType();

    /** Writes the report; does not close {@code out}. */
    void render(AnalysisResult result, ReportOptions options, OutputStream out) throws IOException;
}
