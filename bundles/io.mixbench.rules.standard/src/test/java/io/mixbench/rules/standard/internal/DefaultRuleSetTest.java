package io.mixbench.rules.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The default rule set lists exactly the rules and parameters the rule classes declare, at their defaults. */
class DefaultRuleSetTest {

    private static final Path FILE = Path.of("../io.mixbench.ruleset.default/src/main/resources/rulesets/default.json");
    private static final Pattern WITH_UNIT = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s+(\\S+)\\s*");

    private static final Path CLASSES = Path.of("target/classes");

    /**
     * Every rule class of the bundle: the concrete {@link Rule} implementations compiled into target/classes, so a
     * rule added by anyone is checked without editing this test.
     */
    private static java.util.List<Rule> rules() {
        Path dir = CLASSES.resolve(DefaultRuleSetTest.class.getPackageName().replace('.', '/'));
        java.util.List<Rule> rules = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(DefaultRuleSetTest.class.getPackageName() + "."
                        + name.substring(0, name.length() - ".class".length()));
                if (Rule.class.isAssignableFrom(type) && !type.isInterface()
                        && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                    rules.add((Rule) type.getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new AssertionError("cannot list the rule classes in " + dir, e);
        }
        return rules;
    }

    /** How many DS components bnd generated that provide a Rule. */
    private static long ruleComponents() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(CLASSES.resolve("OSGI-INF"))) {
            long count = 0;
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("interface=\"io.mixbench.rule.Rule\"")) {
                    count++;
                }
            }
            return count;
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void defaultSetMatchesTheRules() throws IOException {
        Map<String, Object> set = JSON.std.mapFrom(Files.readString(FILE));
        assertEquals("mixbench-ruleset", set.get("format"));
        assertEquals(1, ((Number) set.get("formatVersion")).intValue());
        assertEquals("default", set.get("id"));
        assertTrue(set.containsKey("extends") && set.get("extends") == null);
        assertTrue(((String) set.get("description")).length() > 100, "the description says why");
        Map<String, Object> rules = (Map<String, Object>) set.get("rules");

        Set<String> declared = new LinkedHashSet<>();
        for (Rule rule : rules()) {
            RuleDescriptor descriptor = rule.descriptor();
            declared.add(descriptor.id());
            Map<String, Object> settings = (Map<String, Object>) rules.get(descriptor.id());
            assertTrue(settings != null, "default.json lacks " + descriptor.id());
            assertEquals(Boolean.TRUE, settings.get("enabled"), descriptor.id());
            Map<String, Object> parameters = (Map<String, Object>) settings.get("parameters");
            assertEquals(descriptor.parameters().stream().map(Parameter::id).collect(java.util.stream.Collectors
                    .toSet()), parameters.keySet(), descriptor.id());
            for (Parameter parameter : descriptor.parameters()) {
                String where = descriptor.id() + "." + parameter.id();
                double value = valueIn(parameters.get(parameter.id()), parameter.unit(), where);
                assertTrue(parameter.allows(value), where + " = " + value + " is outside its range");
                assertEquals(parameter.defaultValue(), value, 1e-9, where + " differs from the rule's default");
            }
        }
        assertEquals(declared, rules.keySet(), "default.json lists exactly the standard rules");
    }

    private static double valueIn(Object raw, String unit, String where) {
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        Matcher matcher = WITH_UNIT.matcher(String.valueOf(raw));
        assertTrue(matcher.matches(), where + ": \"" + raw + "\" is not \"<number> <unit>\"");
        assertEquals(unit, matcher.group(2), where + " has the wrong unit");
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void everyRuleIsADsComponentWithItsId() throws IOException {
        // bnd writes the component descriptions before the tests run
        for (Rule rule : rules()) {
            Path xml = Path.of("target/classes/OSGI-INF/" + rule.getClass().getName() + ".xml");
            assertTrue(Files.exists(xml), "no component description for " + rule.getClass().getSimpleName());
            String text = Files.readString(xml);
            assertTrue(text.contains("name=\"rule.id\"") && text.contains("value=\"" + rule.descriptor().id() + "\""),
                    text);
            assertTrue(text.contains("io.mixbench.rule.Rule"), text);
        }
    }

    @Test
    void descriptorsAreComplete() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (Rule rule : rules()) {
            RuleDescriptor descriptor = rule.descriptor();
            assertTrue(ids.add(descriptor.id()), "duplicate id " + descriptor.id());
            assertTrue(descriptor.title() != null && !descriptor.title().isBlank());
            assertTrue(descriptor.description() != null && descriptor.description().length() > 20);
            Set<String> parameterIds = new LinkedHashSet<>();
            for (Parameter parameter : descriptor.parameters()) {
                assertTrue(parameterIds.add(parameter.id()), descriptor.id() + " repeats " + parameter.id());
                assertTrue(!parameter.unit().isBlank() && parameter.min() < parameter.max(), parameter.toString());
            }
        }
        assertTrue(ids.size() >= 11, "the rule classes were not found: " + ids);
        assertEquals(ruleComponents(), ids.size(), "one rule class per Rule component, each with its own id");
    }
}
