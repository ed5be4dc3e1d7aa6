package io.mixbench.launch.guard;

import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The targets of the rewritten exit calls. Each has the stack effect of the call it replaces ({@code (I)V} for
 * {@code System.exit}, {@code (Ljava/lang/Runtime;I)V} for the {@code Runtime} instance methods), so the rewrite
 * needs no new stack-map frames. Each throws {@link ExitRefusedException} naming the calling bundle.
 */
public final class ExitGuard {

    /** The package woven classes import to reach this class. */
    public static final String PACKAGE = "io.mixbench.launch.guard";
    /** This class's internal name, for the weaver. */
    public static final String INTERNAL_NAME = "io/mixbench/launch/guard/ExitGuard";

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private ExitGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static ExitRefusedException refused(String call) {
        Optional<Class<?>> caller = WALKER
                .walk(frames -> frames.<Class<?>>map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c != ExitGuard.class).findFirst());
        Bundle bundle = caller.map(FrameworkUtil::getBundle).orElse(null);
        String who = bundle == null
                ? "a plug-in (" + caller.map(Class::getName).orElse("unknown class") + ")"
                : "plug-in bundle " + bundle.getSymbolicName() + " " + bundle.getVersion();
        return new ExitRefusedException(who + " called " + call + ": a plug-in may not end Mixbench", call);
    }
}
