package io.mixbench.testbundle.badactivator;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Misbehaves as the bundle's {@value #HEADER} header says: {@code exit} (System.exit(42)), {@code halt}
 * (Runtime.halt(43)), {@code runtime-exit} (Runtime.exit(44)), {@code throws}, {@code blocks} (for ever, after
 * writing {@code <symbolic name>.started} into the folder the system property {@value #MARKER_DIR} names), or
 * {@code rule:<id>} (registers a rule with that id, finding nothing). Test material only.
 */
public final class BadActivator implements BundleActivator {

    static final String HEADER = "Mixbench-Test-Activator";
    static final String MARKER_DIR = "mixbench.test.markerDir";

    @Override
    public void start(BundleContext context) {
        String what = context.getBundle().getHeaders("").get(HEADER);
        switch (what == null ? "nothing" : what) {
            case "exit" -> System.exit(42);
            case "halt" -> Runtime.getRuntime().halt(43);
            case "runtime-exit" -> Runtime.getRuntime().exit(44);
            case "throws" -> throw new IllegalStateException("deliberate failure in the activator");
            case "blocks" -> blockForEver(context);
            default -> {
                if (what.startsWith("rule:")) {
                    register(context, what.substring("rule:".length()));
                }
            }
        }
    }

    private static void blockForEver(BundleContext context) {
        String markers = System.getProperty(MARKER_DIR);
        if (markers != null) {
            try {
                Files.writeString(Path.of(markers, context.getBundle().getSymbolicName() + ".started"), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // keep blocking, like an activator stuck in I/O
            }
        }
    }

    private static void register(BundleContext context, String id) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Rule.ID, id);
        context.registerService(Rule.class, new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return new RuleDescriptor(id, "A plug-in rule named " + id, "Registered by a test activator.",
                        Set.of(), false, null, List.of());
            }

            @Override
            public List<Finding> evaluate(RuleContext ruleContext) {
                return List.of();
            }
        }, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo: services go with the bundle
    }
}
