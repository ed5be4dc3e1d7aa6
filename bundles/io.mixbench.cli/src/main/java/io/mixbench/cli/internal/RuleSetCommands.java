package io.mixbench.cli.internal;

import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetRegistry;
import java.io.IOException;
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
        RuleSetRegistry registry = top.cli.workspace.ruleSets();
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
                RuleSet s = top.cli.workspace.ruleSets().resolve(set);
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
                RuleSet s = top.cli.workspace.ruleSets().load(file);
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
        public Integer call() {
            Commands.Top top = parent.top;
            Path file;
            String baseId;
            try {
                RuleSet baseSet = top.cli.workspace.ruleSets().resolve(base);
                baseId = baseSet.id();
                file = top.cli.workspace.createRuleSet(name, baseSet, out, force);
            } catch (IOException e) {
                top.err.println("mixbench: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            top.cli.workspace.rules().problems().forEach(p -> top.err.println("mixbench: " + p));
            top.out.println("Created " + file + " (extends '" + baseId + "'). Edit the values you need; check"
                    + " it with: mixbench rulesets check " + file);
            return ExitCodes.OK;
        }
    }
}
