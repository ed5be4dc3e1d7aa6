package io.mixbench.cli.internal;

import io.mixbench.files.AtomicFiles;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mixbench rulesets [show | check | new]}. Format: docs/rule-sets.md. */
@Command(name = "rulesets", mixinStandardHelpOptions = true, description = "List the installed rule sets (shipped and your own), with any that cannot be loaded.", subcommands = {
        RuleSetCommands.Show.class, RuleSetCommands.Check.class, RuleSetCommands.New.class})
final class RuleSetCommands implements Callable<Integer> {

    @ParentCommand
    Commands.Top top;

    @Override
    public Integer call() {
        RuleSetRegistry registry = top.cli.ruleSets;
        for (RuleSet s : registry.ruleSets()) {
            top.out.printf(Locale.ROOT, "%-20s %s  (%s)%n", s.id(), s.title(), s.source());
        }
        top.out.println("Your rule sets: " + registry.userFolder());
        List<String> problems = registry.problems();
        for (String problem : problems) {
            top.err.println("mixbench: " + problem);
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a rule set with every value it sets (extends resolved).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        RuleSetCommands parent;

        @Parameters(paramLabel = "SET", description = "An installed id or a rule-set file.")
        String set;

        @Override
        public Integer call() {
            Commands.Top top = parent.top;
            try {
                RuleSet s = top.cli.ruleSets.resolve(set);
                top.out.println(s.id() + ": " + s.title());
                top.out.println("  " + s.description());
                top.out.println("  source: " + s.source());
                s.rules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    String values = e.getValue().parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(p -> p.getKey() + "=" + Commands.fmt(p.getValue()))
                            .collect(Collectors.joining(", "));
                    top.out.printf(Locale.ROOT, "  %-20s %-8s %s%n", e.getKey(),
                            Boolean.FALSE.equals(e.getValue().enabled()) ? "disabled" : "enabled", values);
                });
                return ExitCodes.OK;
            } catch (IOException e) {
                top.err.println("mixbench: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate a rule-set file: exit 0 when valid, 1 with every problem (file and line) when not.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RuleSetCommands parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Commands.Top top = parent.top;
            try {
                RuleSet s = top.cli.ruleSets.load(file);
                top.out.println(file + ": valid rule set '" + s.id() + "'"
                        + (s.extendsId() == null ? "" : ", extends '" + s.extendsId() + "'"));
                return ExitCodes.OK;
            } catch (IOException e) {
                top.err.println("mixbench: " + e.getMessage());
                return ExitCodes.FINDINGS;
            }
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a studio rule set that extends an installed one, with every parameter written out"
            + " so you can edit it.")
    static final class New implements Callable<Integer> {
        @ParentCommand
        RuleSetCommands parent;

        @Parameters(paramLabel = "NAME", description = "The new set's id: a-z, 0-9, '.', '_', '-'.")
        String name;

        @Option(names = "--extends", paramLabel = "SET", defaultValue = RuleSetRegistry.DEFAULT_ID, description = "The installed set to start from (default: ${DEFAULT-VALUE}).")
        String base;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: NAME.json in your rule-set folder).")
        Path out;

        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            Commands.Top top = parent.top;
            if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
                top.err.println("mixbench: a rule-set name is made of a-z, 0-9, '.', '_' and '-', not '" + name + "'");
                return ExitCodes.USAGE;
            }
            RuleSet baseSet;
            try {
                baseSet = top.cli.ruleSets.resolve(base);
            } catch (IOException e) {
                top.err.println("mixbench: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            Path file = out != null ? out : top.cli.ruleSets.userFolder().resolve(name + ".json");
            if (Files.exists(file) && !force) {
                top.err.println("mixbench: " + file + " exists; use --force to overwrite it");
                return ExitCodes.USAGE;
            }
            String json = render(name, baseSet, descriptors(top));
            AtomicFiles.write(file, o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
            top.out.println("Created " + file + " (extends '" + baseSet.id() + "'). Edit the values you need; check"
                    + " it with: mixbench rulesets check " + file);
            return ExitCodes.OK;
        }

        private static List<RuleDescriptor> descriptors(Commands.Top top) {
            return RuleDescriptions.of(top.cli.rules(), top.err);
        }

        /** The new set: every installed rule's parameters at the base set's values, ready to edit. */
        static String render(String id, RuleSet base, List<RuleDescriptor> rules) {
            StringBuilder json = new StringBuilder();
            json.append("{\n  \"format\": \"mixbench-ruleset\",\n  \"formatVersion\": 1,\n");
            json.append("  \"id\": ").append(quote(id)).append(",\n");
            json.append("  \"title\": ").append(quote(id)).append(",\n");
            json.append("  \"description\": ").append(quote("Studio rule set based on '" + base.id()
                    + "'. Change the values you need and delete the lines you do not: what is not here comes from '"
                    + base.id() + "'.")).append(",\n");
            json.append("  \"extends\": ").append(quote(base.id())).append(",\n");
            json.append("  \"rules\": {");
            boolean firstRule = true;
            for (RuleDescriptor d : rules) {
                json.append(firstRule ? "\n" : ",\n");
                firstRule = false;
                json.append("    ").append(quote(d.id())).append(": {\n");
                json.append("      \"enabled\": ").append(base.enables(d.id())).append(",\n");
                json.append("      \"parameters\": {");
                boolean firstParameter = true;
                for (Parameter p : d.parameters()) {
                    double value = base.parameter(d.id(), p.id()).orElse(p.defaultValue());
                    json.append(firstParameter ? "\n" : ",\n");
                    firstParameter = false;
                    json.append("        ").append(quote(p.id())).append(": ")
                            .append(quote(Commands.fmt(value) + " " + p.unit()));
                }
                json.append(firstParameter ? "}\n" : "\n      }\n").append("    }");
            }
            json.append(firstRule ? "}\n}\n" : "\n  }\n}\n");
            return json.toString();
        }

        static String quote(String text) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    case '\t' -> q.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }
    }
}
