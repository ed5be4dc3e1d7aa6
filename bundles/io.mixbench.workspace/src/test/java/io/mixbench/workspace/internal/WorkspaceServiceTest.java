package io.mixbench.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceServiceTest {

    @TempDir
    Path dir;

    final WorkspaceService workspace = Fakes.workspace(new Fakes.Analysis());

    @Test
    void aRuleSetNameIsMadeOfLowerCaseLettersDigitsAndDots() {
        IOException e = assertThrows(IOException.class,
                () -> workspace.createRuleSet("My Set", Fakes.ruleSet("default"), dir.resolve("x.json"), false));
        assertTrue(e.getMessage().contains("not 'My Set'"), e.getMessage());
    }

    @Test
    void aNewRuleSetIsWrittenWholeAndNeverOverAnExistingFileUnasked() throws IOException {
        Path file = dir.resolve("studio.json");
        assertEquals(file, workspace.createRuleSet("studio", Fakes.ruleSet("default"), file, false));
        assertTrue(Files.readString(file).contains("\"extends\": \"default\""));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
        assertThrows(IOException.class, () -> workspace.createRuleSet("studio", Fakes.ruleSet("default"), file,
                false));
        workspace.createRuleSet("studio", Fakes.ruleSet("other"), file, true);
        assertTrue(Files.readString(file).contains("\"extends\": \"other\""));
    }

    @Test
    void checkingARuleSetNamesTheProblemNotAScratchFile() {
        IOException e = assertThrows(IOException.class, () -> workspace.checkRuleSet("{}"));
        assertEquals("line: not a rule set", e.getMessage());
        assertFalse(e.getMessage().contains("mixbench-ruleset-"));
    }

    @Test
    void withoutTheLauncherThereIsNoPluginFolderToInstallInto() {
        IOException e = assertThrows(IOException.class, () -> workspace.install(dir.resolve("none.jar")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
