package io.mixbench.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@link AtomicFiles#write} in a JVM of an unprivileged user ({@code nobody}, through {@code setpriv}): tests of
 * what a writer may not open need a user to whom permissions apply, which root is not.
 */
final class AsAnotherUser {

    private static final String SOURCE = """
            import io.mixbench.files.AtomicFiles;
            import java.nio.file.Path;
            public class Write {
                public static void main(String[] args) throws Exception {
                    AtomicFiles.write(Path.of(args[0]), o -> o.write(1));
                    System.out.println("written");
                }
            }
            """;

    private AsAnotherUser() {
    }

    /**
     * Writes one byte to {@code target} as user nobody.
     *
     * @param scratch a folder nobody may read and write: the program's source and a copy of the classes go there
     * @return what the program printed: "written", or its error
     */
    static String write(Path target, Path scratch) throws IOException, InterruptedException {
        Path source = Files.writeString(scratch.resolve("Write.java"), SOURCE);
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
        // The build's classes may lie where nobody cannot read (a checkout under a private folder): copied here.
        Path built = Path.of(AtomicFiles.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path classes = scratch.resolve("classes");
        try (Stream<Path> files = Files.walk(built)) {
            for (Path f : files.toList()) {
                Path copy = classes.resolve(built.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(f, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                java.toString(), "-cp", classes.toString(), source.toString(), target.toString()))
                .redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) { // guards a hang only
            p.destroyForcibly();
            throw new IOException("the writer run as nobody did not end");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
