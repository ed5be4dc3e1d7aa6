package io.mixbench.report.standard.internal;

/** Escaping for the XML reports. */
final class Xml {

    private Xml() {
    }

    /** Text for element content or a double-quoted attribute. Characters XML 1.0 forbids become U+FFFD. */
    static String text(String text) {
        return escape(text, false);
    }

    /** Attribute text; line ends and tabs become character references so parsers keep them. */
    static String attribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        sb.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                            sb.append(c).append(text.charAt(++i));
                        } else {
                            sb.append('\uFFFD');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
