package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/mixbench gui} opens a real SWT window (under Xvfb in CI), run by the launcher's main thread, and
 * saves a screenshot of itself to target/screenshots/.
 */
class WorkbenchWindowTest {

    @Test
    void guiOpensTheWorkbenchWindow() throws Exception {
        boolean haveDisplay = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(haveDisplay, "CI must run the tests under xvfb-run (no DISPLAY)");
        }
        Assumptions.assumeTrue(haveDisplay, "no DISPLAY: run the tests under xvfb-run (releng/test.sh does)");
        Path dir = Path.of(System.getProperty("mixbench.screenshots", "target/screenshots")).toAbsolutePath();
        Files.createDirectories(dir);
        Path shot = dir.resolve("workbench.png");
        Files.deleteIfExists(shot);
        long start = System.nanoTime();
        Product.Run run = Product.process(Map.of("MIXBENCH_JAVA_OPTS",
                "-Dmixbench.gui.screenshot=" + shot + " -Dmixbench.gui.exitAfterMillis=2500"), 90, "gui",
                Product.demo("flawed").toString());
        System.err.printf("gui process ran %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("Workbench window open after"), run.err());
        assertTrue(Files.isRegularFile(shot), "screenshot saved: " + run.err());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500, "window size");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "the window shows content, not a blank area: " + colours.size() + " colours");
    }
}
