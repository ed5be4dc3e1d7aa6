package io.mixbench.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSetException;
import io.mixbench.session.Deliverable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rule-set files through the registry: special files, paths out of a session, circles, content never quoted. */
class RuleSetFilesTest {

    @TempDir
    Path dir;
    Path session;
    final RuleSetRegistryImpl registry = new RuleSetRegistryImpl();

    @BeforeEach
    void userFolder() throws Exception {
        System.setProperty("mixbench.configDir", dir.resolve("config").toString());
        Files.createDirectories(registry.userFolder());
        session = Files.createDirectories(dir.resolve("session"));
    }

    @AfterEach
    void clear() {
        System.clearProperty("mixbench.configDir");
    }

    static String set(String id, String extendsId) {
        return "{\"format\": \"mixbench-ruleset\", \"formatVersion\": 1, \"id\": \"" + id + "\", \"extends\": "
                + (extendsId == null ? "null" : "\"" + extendsId + "\"") + ", \"rules\": {}}";
    }

    /** A set states the deliverable it judges; a set that states none judges what the set it extends judges. */
    @Test
    void aSetStatesItsDeliverableAndItsChildrenInheritIt() throws Exception {
        Path master = Files.writeString(registry.userFolder().resolve("my-master.json"),
                set("my-master", null).replace("\"rules\"", "\"deliverable\": \"master\", \"rules\""));
        Path child = Files.writeString(dir.resolve("child.json"), set("child", "my-master"));
        assertEquals(Deliverable.MASTER, registry.load(master).deliverable());
        assertEquals(Deliverable.MASTER, registry.load(child).deliverable(), "inherited");
        Path none = Files.writeString(dir.resolve("none.json"), set("none", null));
        assertEquals(null, registry.load(none).deliverable());
        Path bad = Files.writeString(dir.resolve("bad.json"),
                set("bad", null).replace("\"rules\"", "\"deliverable\": \"final-final\", \"rules\""));
        RuleSetException e = assertThrows(RuleSetException.class, () -> registry.load(bad));
        assertEquals(bad + ", line 1: \"deliverable\" must be \"mix\", \"pre-master\" or \"master\"", e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoOrADeviceIsNotARuleSetFile() throws Exception {
        Path fifo = dir.resolve("studio.json");
        SpecialFilesTest.mkfifo(fifo);
        RuleSetException e = assertThrows(RuleSetException.class, () -> registry.load(fifo));
        assertEquals(fifo + ": not a regular file (a FIFO)", e.getMessage());
        e = assertThrows(RuleSetException.class, () -> registry.resolve(fifo.toString()));
        assertEquals(fifo + ": not a regular file (a FIFO)", e.getMessage());
        Path zero = dir.resolve("zero.json");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        e = assertThrows(RuleSetException.class, () -> registry.load(zero));
        assertEquals(zero + ": not a regular file (a character device)", e.getMessage());

        Path inUserFolder = registry.userFolder().resolve("late.json");
        SpecialFilesTest.mkfifo(inUserFolder);
        assertEquals(List.of(inUserFolder + ": not a regular file (a FIFO)"), registry.problems());
        assertTrue(registry.ruleSets().isEmpty());
    }

    @Test
    void aSessionsRuleSetStaysInsideTheSessionFolder() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.json"), "sk_live_0123456789abcdef\n");
        Files.createSymbolicLink(session.resolve("link.json"), secret);
        for (String outside : new String[]{secret.toString(), "../secret.json", "sets/../../secret.json",
                "link.json"}) {
            RuleSetException e = assertThrows(RuleSetException.class, () -> registry.resolve(outside, session),
                    outside);
            assertTrue(e.getMessage().contains("nor a rule-set file inside the session folder"), e.getMessage());
            assertFalse(e.getMessage().contains("sk_live"), e.getMessage());
        }
        Files.createSymbolicLink(session.resolve("studio.ruleset.json"), secret);
        RuleSetException beside = assertThrows(RuleSetException.class, () -> registry.resolve("studio", session));
        assertFalse(beside.getMessage().contains("sk_live"), beside.getMessage());
        Files.createDirectories(session.resolve("sets"));
        Files.writeString(session.resolve("sets/studio.json"), set("studio", null));
        assertEquals("studio", registry.resolve("sets/studio.json", session).id());
        assertEquals("studio", registry.resolve(session.resolve("sets/studio.json").toString()).id(),
                "a path the user gives (--rules) may be anywhere");
    }

    @Test
    void errorsNeverQuoteTheFile() throws Exception {
        Path key = Files.writeString(dir.resolve("id_rsa"), "sk_live_0123456789abcdef more\n");
        RuleSetException e = assertThrows(RuleSetException.class, () -> registry.load(key));
        assertTrue(e.getMessage().startsWith(key + ", line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains(": not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("sk_live"), e.getMessage());

        Path env = Files.writeString(dir.resolve("environ.json"), "{\"format\": HOME=/root}");
        e = assertThrows(RuleSetException.class, () -> registry.load(env));
        assertFalse(e.getMessage().contains("HOME") || e.getMessage().contains("root"), e.getMessage());
        e = assertThrows(RuleSetException.class, () -> registry.load(Files.writeString(dir.resolve("cut.json"),
                "{\"format\": \"mixbench-ruleset\", ")));
        assertTrue(e.getMessage().endsWith(", line 1, column 32: not valid JSON (the file ends inside a value)"),
                e.getMessage());
        e = assertThrows(RuleSetException.class, () -> registry.load(Files.writeString(dir.resolve("key.json"),
                "{\"format\" \"mixbench-ruleset\"}")));
        assertTrue(e.getMessage().endsWith(": not valid JSON (expected a colon to separate field name and value)"),
                e.getMessage());
    }

    @Test
    void aValueThatIsNotFiniteIsRejectedNamingTheRuleAndParameter() throws Exception {
        // With the rule installed, as "-1e999 dBFS" once reached the range check and was printed as a long.
        registry.addRule(rule(RuleSetsTest.KICK), AnalysisEngineTest.reference());
        for (String value : new String[]{"\"-1e999 dBFS\"", "\"1e400\"", "-1e999"}) {
            Path file = Files.writeString(dir.resolve("huge.json"), "{\"format\": \"mixbench-ruleset\","
                    + " \"formatVersion\": 1, \"id\": \"huge\",\n\"rules\": {\"kick.level\": {\"parameters\":"
                    + " {\"minPeak\": " + value + "}}}}");
            RuleSetException e = assertThrows(RuleSetException.class, () -> registry.load(file), value);
            assertEquals(file + ", line 2: parameter 'minPeak' of rule 'kick.level' is not a finite number",
                    e.getMessage());
        }
    }

    @Test
    void aCircleOfExtendsIsNamed() throws Exception {
        Files.writeString(registry.userFolder().resolve("loop-a.json"), set("loop-a", "loop-b"));
        Files.writeString(registry.userFolder().resolve("loop-b.json"), set("loop-b", "loop-a"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> registry.resolve("loop-a", session));
        assertTrue(e.getMessage().contains("loop-a -> loop-b -> loop-a"), e.getMessage());
        assertTrue(e.getMessage().contains("loop-a.json"), e.getMessage());
        e = assertThrows(RuleSetException.class, () -> registry.resolve("loop-b"));
        assertTrue(e.getMessage().contains("loop-b -> loop-a -> loop-b"), e.getMessage());
    }

    /** A rule that only describes itself. */
    static Rule rule(RuleDescriptor descriptor) {
        return new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<Finding> evaluate(RuleContext context) {
                return List.of();
            }
        };
    }
}
