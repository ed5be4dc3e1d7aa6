package io.mixbench.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.launch.guard.ExitRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The rewritten class still verifies (same stack effect, no frames recomputed) and its exit calls throw. The
 * rewrite is checked before any call is made: an unwoven call would end the test JVM.
 */
class ExitCallWeaverTest {

    /** Plug-in code that tries to end the process in each way the weaver rewrites. */
    public static final class Quitter {
        public static void exit(int status) {
            System.exit(status);
        }

        public static String runtimeExit(int status) {
            String before = "kept on the stack across the call";
            Runtime.getRuntime().exit(status);
            return before;
        }

        public static void halt(int status) {
            if (status > 0) {
                Runtime.getRuntime().halt(status);
            }
        }
    }

    /** A class with no exit call. */
    public static final class Harmless {
        public static int twice(int x) {
            return 2 * x;
        }
    }

    @Test
    void exitCallsThrowNamingTheCaller() throws Exception {
        byte[] woven = ExitCallWeaver.rewrite(bytes(Quitter.class));
        assertNotNull(woven, "the exit calls were rewritten");
        Class<?> quitter = new OneClassLoader(Quitter.class.getName(), woven).loadClass(Quitter.class.getName());
        assertRefused(quitter.getMethod("exit", int.class), 42, "System.exit(42)");
        assertRefused(quitter.getMethod("runtimeExit", int.class), 44, "Runtime.exit(44)");
        assertRefused(quitter.getMethod("halt", int.class), 43, "Runtime.halt(43)");
        assertNull(quitter.getMethod("halt", int.class).invoke(null, 0), "other paths run as before");
    }

    @Test
    void aClassWithoutExitCallsIsLeftAlone() throws IOException {
        assertNull(ExitCallWeaver.rewrite(bytes(Harmless.class)));
    }

    private static void assertRefused(Method method, int status, String call) {
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> method.invoke(null, status));
        ExitRefusedException refused = (ExitRefusedException) thrown.getCause();
        assertEquals(call, refused.call());
        // Not loaded from a bundle here: the message names the class instead.
        assertTrue(refused.getMessage().contains(Quitter.class.getName()) && refused.getMessage().contains(call),
                refused.getMessage());
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** Defines one class from the given bytes instead of asking its parent. */
    private static final class OneClassLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        OneClassLoader(String name, byte[] bytes) {
            super(ExitCallWeaverTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
            }
        }
    }
}
