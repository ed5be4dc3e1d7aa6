package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The assembled product, started in this JVM or as a process. */
final class Product {

    static final ObjectMapper JSON = new ObjectMapper();

    private Product() {
    }

    static Path home() {
        Path home = Path.of(System.getProperty("mixbench.home", "../../releng/io.mixbench.product/target/mixbench"))
                .toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(home.resolve("bin/mixbench")), "the product is assembled at " + home);
        return home;
    }

    static Path demo(String variant) {
        return home().resolve("demo").resolve(variant);
    }

    static Path testBundle(String artifactId) {
        return Path.of(System.getProperty("mixbench.testBundles", "target/test-bundles"), artifactId + ".jar")
                .toAbsolutePath();
    }

    /** Starts the command-line features in a framework in this JVM, with its own plug-in folder. */
    static EmbeddedProduct startCli(Path pluginsDir) throws Exception {
        Files.createDirectories(pluginsDir);
        LaunchContext context = new LaunchContext(home(), pluginsDir, Path.of("").toAbsolutePath(), "test");
        return EmbeddedProduct.start(context, List.of("core", "rules", "cli"), true, Map.of(), System.err);
    }

    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run run(EmbeddedProduct product, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = product.run(args[0], Arrays.asList(args).subList(1, args.length), o, e, 10_000);
        }
        String errText = err.toString(StandardCharsets.UTF_8);
        System.err.print(errText);
        return new Run(code, out.toString(StandardCharsets.UTF_8), errText);
    }

    /** Runs bin/mixbench as a process. */
    static Run process(Map<String, String> env, long timeoutSeconds, String... args) throws Exception {
        return process(home(), env, timeoutSeconds, args);
    }

    /** Runs the bin/mixbench of a product folder (a copy of {@link #home()}, say) as a process. */
    static Run process(Path productHome, Map<String, String> env, long timeoutSeconds, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(productHome.resolve("bin/mixbench").toString());
        command.addAll(List.of(args));
        return run(command, env, timeoutSeconds, args);
    }

    /** bin/mixbench run by a shell that sets the file-creation mask first, e.g. {@code "077"}. */
    static Run processUnderUmask(String umask, long timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"",
                home().resolve("bin/mixbench").toString()));
        command.addAll(List.of(args));
        return run(command, Map.of(), timeoutSeconds, args);
    }

    private static Run run(List<String> command, Map<String, String> env, long timeoutSeconds, String... args)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("mixbench-out", ".txt");
        Path err = Files.createTempFile("mixbench-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/mixbench " + String.join(" ", args) + " did not exit within "
                    + timeoutSeconds + " s; stderr: " + Files.readString(err));
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        System.err.print(run.err());
        return run;
    }
}
