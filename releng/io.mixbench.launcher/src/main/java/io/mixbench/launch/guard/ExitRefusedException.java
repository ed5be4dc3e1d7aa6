package io.mixbench.launch.guard;

/**
 * Thrown where a plug-in called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. A
 * {@link SecurityException}, as a security manager's refusal was: every place that isolates plug-in code (the
 * rule runner, the meters, the framework's activator call) already catches it.
 */
public final class ExitRefusedException extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final String call;

    ExitRefusedException(String message, String call) {
        super(message);
        this.call = call;
    }

    /** The refused call, e.g. {@code System.exit(42)}. */
    public String call() {
        return call;
    }
}
