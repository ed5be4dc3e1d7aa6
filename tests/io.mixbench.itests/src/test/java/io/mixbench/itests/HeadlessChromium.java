package io.mixbench.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol on 127.0.0.1: opens a page, records every network
 * request, console message, exception and log entry of the page, and takes a full-page screenshot. One browser per
 * instance, with a fresh profile that is deleted on close.
 */
final class HeadlessChromium implements AutoCloseable {

    /** What the page did while it loaded. */
    record PageLoad(List<String> requests, List<String> consoleErrors, byte[] screenshotPng) {
    }

    private static final long TIMEOUT_S = 60;

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    /** The chromium executable on the PATH, or null. */
    static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    HeadlessChromium(Path executable) throws Exception {
        profile = Files.createTempDirectory("mixbench-chromium");
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1280,4000", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    stderr.add(line);
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on ") && at >= 0) {
                        endpoint.complete(line.substring(at).strip());
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("chromium ended before it listened: " + stderr));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String url = endpoint.get(TIMEOUT_S, TimeUnit.SECONDS);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
                .get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Opens {@code file} in a new page, waits for its load event (and a moment more), and takes a screenshot. */
    PageLoad open(Path file, int width) throws Exception {
        String targetId = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asText();
        for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
            send(session, domain + ".enable", Map.of());
        }
        send(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
        int before = events.size();
        String url = file.toUri().toString();
        send(session, "Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (since(events, before).stream().noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText())
                && session.equals(e.path("sessionId").asText()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not load within " + TIMEOUT_S + " s");
            }
            Thread.sleep(50);
        }
        // Late requests or errors (a lazily loaded resource, a timer) would show within this time.
        Thread.sleep(700);
        JsonNode metrics = send(session, "Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        int height = (int) Math.ceil(size.get("height").asDouble());
        send(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        JsonNode shot = send(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        byte[] png = Base64.getDecoder().decode(shot.get("data").asText());

        List<String> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode event : since(events, before)) {
            if (!session.equals(event.path("sessionId").asText())) {
                continue;
            }
            JsonNode params = event.path("params");
            switch (event.path("method").asText()) {
                case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        errors.add("console." + type + ": " + params.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    String level = params.path("entry").path("level").asText();
                    if (level.equals("error")) {
                        errors.add("log." + level + ": " + params.path("entry").path("text").asText() + " "
                                + params.path("entry").path("url").asText());
                    }
                }
                default -> {
                }
            }
        }
        return new PageLoad(requests, errors, png);
    }

    /**
     * The events after the first {@code index}, as a snapshot: a {@code subList} view of the live list
     * throws {@code ConcurrentModificationException} when an event arrives while it is read.
     */
    static <T> List<T> since(List<T> events, int index) {
        List<T> snapshot = List.copyOf(events);
        return snapshot.subList(index, snapshot.size());
    }

    private JsonNode send(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = Product.JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", Product.JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(Product.JSON.writeValueAsString(message), true).get(TIMEOUT_S, TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT_S, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Gathers the frames of each text message and routes replies and events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = Product.JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true)
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The process is ended below either way.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
