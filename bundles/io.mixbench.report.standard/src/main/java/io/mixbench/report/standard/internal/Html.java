package io.mixbench.report.standard.internal;

import java.util.Locale;

/** Escaping and number formatting for the HTML report (whose markup is also well-formed XML). */
final class Html {

    private Html() {
    }

    /**
     * Text safe in element content and in quoted attributes: the five markup characters become entities, and
     * characters XML 1.0 forbids (controls other than tab and line ends, lone surrogates, U+FFFE/U+FFFF) become
     * U+FFFD, so any string from a session or a plug-in can be shown as it is. Null becomes "".
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> allowed(text, i) ? null : "\uFFFD";
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(n + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }

    /** A drawing coordinate: one decimal, no exponent, never "-0". */
    static String coord(double value) {
        long tenths = Math.round(value * 10);
        if (tenths == 0) {
            return "0";
        }
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        long whole = abs / 10;
        long frac = abs % 10;
        return frac == 0 ? sign + whole : sign + whole + "." + frac;
    }

    /** A value for people with its unit ({@link ReportSupport#withUnit}), or "–" when it does not exist. */
    static String value(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "\u2013";
        }
        return ReportSupport.withUnit(value, unit);
    }

    /** A ratio such as a correlation: two decimals, or "–". */
    static String twoDecimals(double value) {
        if (!Double.isFinite(value)) {
            return "\u2013";
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        return "-0.00".equals(text) ? "0.00" : text;
    }

    /** Minutes and seconds to a tenth, e.g. "1:02.5". */
    static String clock(double seconds) {
        long tenths = Math.round(Math.max(0, seconds) * 10);
        long minutes = tenths / 600;
        double rest = (tenths % 600) / 10.0;
        return String.format(Locale.ROOT, "%d:%04.1f", minutes, rest);
    }
}
