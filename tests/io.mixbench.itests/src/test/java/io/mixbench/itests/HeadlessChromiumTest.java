package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The browser driver's bookkeeping, without a browser. */
class HeadlessChromiumTest {

    @Test
    void eventsReadWhileMoreArriveAreASnapshot() {
        List<String> events = new CopyOnWriteArrayList<>(List.of("a", "b", "c"));
        List<String> since = HeadlessChromium.since(events, 1);
        // The DevTools listener adds events on its own thread while the page's events are read.
        events.add("d");
        List<String> read = new ArrayList<>();
        since.forEach(read::add);
        assertEquals(List.of("b", "c"), read);
    }
}
