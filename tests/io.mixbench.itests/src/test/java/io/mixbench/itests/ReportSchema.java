package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The documented JSON report schema (docs/schema/report.schema.json); public for the e2e package. */
public final class ReportSchema {

    private static JsonSchema schema;

    private ReportSchema() {
    }

    static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            Path file = Path.of(System.getProperty("mixbench.reportSchema", "../../docs/schema/report.schema.json"));
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            }
        }
        return schema;
    }

    public static void assertValid(JsonNode report) throws IOException {
        Set<ValidationMessage> problems = schema().validate(report);
        assertTrue(problems.isEmpty(), "the report does not match docs/schema/report.schema.json: " + problems);
    }
}
