package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.launch.internal.EmbeddedProduct;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The workbench's model without a window: an {@code OpenSession} of the {@code Workspace} service found in a
 * framework of the product, as the window keeps one. The API's classes live in the framework's bundles, not on this
 * test's class path, so the test calls them by name ({@link Api}) and listens through a proxy.
 */
class OpenSessionTest {

    static final String RULE = "example.supportingElements";
    static final long WAIT_SECONDS = 120;

    @TempDir
    Path plugins;

    @Test
    void aRuleArrivingWhileASessionIsOpenHasItAnalysedAgain() throws Exception {
        try (EmbeddedProduct product = Product.startCli(plugins); Api api = new Api(product)) {
            api.open(Product.demo("clean"));
            Object first = api.nextResult();
            assertFalse(api.ruleIds(first).contains(RULE), "not installed yet");

            Path jar = Product.testBundle("io.mixbench.example.rule");
            Bundle bundle = product.bundleContext().installBundle(jar.toUri().toString(), Files.newInputStream(jar));
            bundle.start();
            Object again = api.nextResult();
            assertTrue(api.ruleIds(again).contains(RULE), "analysed again, without asking, with the new rule");
            assertSame(again, api.call(api.openSession, "result"));

            bundle.uninstall();
            assertFalse(api.ruleIds(api.nextResult()).contains(RULE), "and again once it has gone");
        }
    }

    @Test
    void aNewAnalysisSupersedesTheRunningOneWhoseResultIsNeverShown() throws Exception {
        try (EmbeddedProduct product = Product.startCli(plugins); Api api = new Api(product)) {
            api.open(Product.demo("flawed"));
            api.nextResult();
            CompletableFuture<?> superseded = (CompletableFuture<?>) api.call(api.openSession, "analyse");
            CompletableFuture<?> latest = (CompletableFuture<?>) api.call(api.openSession, "analyse");
            Object result = latest.get(WAIT_SECONDS, TimeUnit.SECONDS);
            List<Object> before = new ArrayList<>();
            for (Object r = api.nextResult(); r != result; r = api.nextResult()) {
                before.add(r);
            }
            assertSame(result, api.call(api.openSession, "result"), "the latest analysis's result is shown");
            if (superseded.isCompletedExceptionally()) {
                assertEquals(List.of(), before, "nothing of the superseded analysis was shown");
            }
            assertNull(api.call(api.openSession, "lastError"));
        }
    }

    @Test
    void aCancelledAnalysisLeavesTheShownResultAndSaysSo() throws Exception {
        try (EmbeddedProduct product = Product.startCli(plugins); Api api = new Api(product)) {
            api.open(Product.demo("flawed"));
            Object shown = api.nextResult();
            api.call(api.openSession, "analyse");
            api.call(api.openSession, "cancel");
            Object next = api.nextResultOr("analysisCancelled");
            if (next.equals("analysisCancelled")) {
                assertSame(shown, api.call(api.openSession, "result"), "the result shown before stays");
                assertEquals(false, api.call(api.openSession, "analysing"));
            } else {
                // The analysis had finished before the cancel reached it: its result is shown like any other.
                assertSame(next, api.call(api.openSession, "result"));
            }
        }
    }

    /** The application API of a running product, called by name. */
    static final class Api implements AutoCloseable {
        final Object workspace;
        final Object openSession;
        /** What the open session's listener heard: results, and the names of the other events. */
        final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
        private final ServiceReference<Object> ref;
        private final EmbeddedProduct product;

        Api(EmbeddedProduct product) throws Exception {
            this.product = product;
            // Declarative Services registers it on its own thread once the bundles have started. All services: this
            // class path cannot load the API, so the framework would hide them from a plain tracker.
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(product.bundleContext(),
                    "io.mixbench.workspace.Workspace", null);
            tracker.open(true);
            try {
                assertNotNull(tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS)),
                        "the core feature registers the Workspace");
                ref = tracker.getServiceReference();
            } finally {
                tracker.close();
            }
            workspace = product.bundleContext().getService(ref);
            Class<?> settings = ref.getBundle().loadClass("io.mixbench.workspace.OpenSession$Settings");
            openSession = call(workspace, "newOpenSession", settings.getField("DEFAULT").get(null));
            Class<?> listenerType = ref.getBundle().loadClass("io.mixbench.workspace.OpenSessionListener");
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[]{listenerType},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "resultChanged" -> {
                                if (args[0] != null) {
                                    heard.add(args[0]);
                                }
                            }
                            case "analysisCancelled", "analysisFailed" -> heard.add(method.getName());
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            case "toString" -> {
                                return "test listener";
                            }
                            default -> {
                                // Not needed here.
                            }
                        }
                        return null;
                    });
            call(openSession, "addListener", listener);
        }

        void open(Path input) throws Exception {
            call(openSession, "open", List.of(input));
        }

        /** The next result the listener hears; other events are skipped. */
        Object nextResult() throws Exception {
            while (true) {
                Object e = heard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(e, "a result within " + WAIT_SECONDS + " s");
                assertFalse("analysisFailed".equals(e), "the analysis failed: " + call(openSession, "lastError"));
                if (!(e instanceof String)) {
                    return e;
                }
            }
        }

        /** The next result, or the next event of this name, the listener hears. */
        Object nextResultOr(String name) throws Exception {
            while (true) {
                Object e = heard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(e, "a result or " + name + " within " + WAIT_SECONDS + " s");
                if (name.equals(e) || !(e instanceof String)) {
                    return e;
                }
            }
        }

        /** The ids of the rules with findings in a result. */
        List<String> ruleIds(Object result) throws Exception {
            List<String> ids = new ArrayList<>();
            for (Object finding : (List<?>) call(result, "findings")) {
                ids.add((String) call(finding, "ruleId"));
            }
            return ids;
        }

        /** Calls the public method of this name and arity that {@code target}'s public interfaces or class declare. */
        Object call(Object target, String name, Object... args) throws Exception {
            for (Method m : publicMethods(target.getClass())) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    try {
                        return m.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            throw new NoSuchMethodException(target.getClass() + "." + name);
        }

        private static List<Method> publicMethods(Class<?> type) {
            List<Method> methods = new ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Class<?> i : c.getInterfaces()) {
                    methods.addAll(List.of(i.getMethods()));
                }
                if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                    methods.addAll(List.of(c.getMethods()));
                }
            }
            return methods;
        }

        @Override
        public void close() {
            try {
                call(openSession, "close");
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the open session", e);
            } finally {
                product.bundleContext().ungetService(ref);
            }
        }
    }
}
