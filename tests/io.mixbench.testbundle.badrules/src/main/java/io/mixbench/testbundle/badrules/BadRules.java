package io.mixbench.testbundle.badrules;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.component.annotations.Component;

/** Rules that misbehave in each way the analysis must survive. Test material only. */
final class BadRules {

    private BadRules() {
    }

    static RuleDescriptor descriptor(String id, String title) {
        return new RuleDescriptor(id, title, "A deliberately broken rule for isolation tests.", Set.of(), false, null,
                List.of());
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.throws")
    public static final class Throws implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return BadRules.descriptor("bad.throws", "Throws");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            throw new IllegalStateException("deliberate failure in bad.throws");
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.hangs")
    public static final class Hangs implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return BadRules.descriptor("bad.hangs", "Never returns");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            // Ignores interruption on purpose, like a rule stuck in a native call or a busy loop.
            CountDownLatch never = new CountDownLatch(1);
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // keep hanging
                }
            }
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.returnsNull")
    public static final class ReturnsNull implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return BadRules.descriptor("bad.returnsNull", "Returns null");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            return null;
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.unknownTrack")
    public static final class UnknownTrack implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return BadRules.descriptor("bad.unknownTrack", "Names a track that does not exist");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            return List.of(Finding.of("bad.unknownTrack", Severity.WARN).tracks("No Such Track")
                    .message("A finding about a track that is not in the session.").build());
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.exits")
    public static final class Exits implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return BadRules.descriptor("bad.exits", "Ends the process");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            System.exit(42);
            return List.of();
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.halts")
    public static final class Halts implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return BadRules.descriptor("bad.halts", "Halts the JVM");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            Runtime.getRuntime().halt(43);
            return List.of();
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.descriptorThrows")
    public static final class DescriptorThrows implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            throw new IllegalStateException("deliberate failure in descriptor()");
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            return List.of();
        }
    }

    @Component(service = Rule.class, property = Rule.ID + "=bad.descriptorNull")
    public static final class DescriptorNull implements Rule {
        @Override
        public RuleDescriptor descriptor() {
            return null;
        }

        @Override
        public List<Finding> evaluate(RuleContext context) {
            return List.of();
        }
    }
}
