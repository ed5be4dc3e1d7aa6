package io.mixbench.rule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The rule sets that are installed (shipped in bundles) and loading of rule-set files. An OSGi service;
 * thread-safe. Sets it returns are resolved: {@code extends} is applied, so {@link RuleSet#extendsId()} is
 * informational.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RuleSetRegistry {

    /** The id of the set used when a session names none. */
    String DEFAULT_ID = "default";

    /** Every installed set, resolved, sorted by id. */
    List<RuleSet> ruleSets();

    /** The installed set with this id, resolved. */
    Optional<RuleSet> find(String id);

    /**
     * Loads, validates and resolves a rule-set file. Validation checks the JSON, that extended sets exist, and
     * that every rule and parameter it names is installed and every value is in range with the right unit.
     *
     * @throws RuleSetException naming the file, line and problem; a set is never applied in part
     */
    RuleSet load(Path file) throws IOException;

    /** An installed set by id, or a rule-set file by path (when {@code idOrPath} names an existing file). */
    RuleSet resolve(String idOrPath) throws IOException;

    /**
     * Resolves a session's set: a set file beside the session ({@code <sessionFolder>/<id>.ruleset.json}) first,
     * then the user's sets ({@link #userFolder()}), then the installed sets, then a rule-set file inside
     * {@code sessionFolder} by a relative path. A session file may come from anyone, so an absolute path, a path out
     * of the folder, or a link whose target is outside it is not read. With a null folder, as
     * {@link #resolve(String)}.
     *
     * @param sessionFolder the session's folder, or null
     * @throws RuleSetException naming what was looked for, or the file, line and problem of an invalid set
     */
    RuleSet resolve(String idOrPath, Path sessionFolder) throws IOException;

    /**
     * The folder of the user's own (studio) rule sets: {@code $XDG_CONFIG_HOME/mixbench/rulesets}, else
     * {@code ~/.config/mixbench/rulesets}. Its {@code *.json} files appear in {@link #ruleSets()} when valid.
     */
    Path userFolder();

    /** What is wrong with the user's and the bundles' rule sets that could not be loaded, one message each. */
    List<String> problems();
}
