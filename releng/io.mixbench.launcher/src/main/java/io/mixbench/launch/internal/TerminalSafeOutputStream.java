package io.mixbench.launch.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes UTF-8 text on with its control characters made visible, so that a file name, a plug-in's message or a
 * log line cannot drive the user's terminal (move the cursor, rewrite earlier lines, set the window title):
 * escape, carriage return, the other C0 controls but line feed and tab, DEL and the C1 controls (U+0080-U+009F,
 * which some terminals obey as escapes) are written as {@code \x1b}, {@code \r}, {@code \u009b} and so on.
 */
final class TerminalSafeOutputStream extends FilterOutputStream {

    /** The lead byte of a two-byte UTF-8 sequence whose second byte may make a C1 control. */
    private static final int C1_LEAD = 0xC2;

    private boolean pendingLead;

    TerminalSafeOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        int u = b & 0xFF;
        if (pendingLead) {
            pendingLead = false;
            if (u >= 0x80 && u <= 0x9F) {
                text(String.format("\\u%04x", u));
                return;
            }
            out.write(C1_LEAD);
        }
        if (u == C1_LEAD) {
            pendingLead = true;
        } else if (u == '\n' || u == '\t' || (u >= 0x20 && u != 0x7F)) {
            out.write(u);
        } else if (u == '\r') {
            text("\\r");
        } else {
            text(String.format("\\x%02x", u));
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        // A lead byte stays pending until its second byte arrives, which UTF-8 writers send in the same write.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingLead) {
            pendingLead = false;
            out.write(C1_LEAD);
        }
        super.close();
    }

    private void text(String visible) throws IOException {
        out.write(visible.getBytes(StandardCharsets.US_ASCII));
    }
}
