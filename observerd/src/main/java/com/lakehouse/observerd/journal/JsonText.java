package com.lakehouse.observerd.journal;

/**
 * The bracket nesting depth of JSON text, read in one pass without parsing it (a journal value may
 * be a megabyte and is stored as text): brackets inside strings do not count. Text that is not JSON
 * gets some number; only JSON's depth is meaningful.
 */
final class JsonText {

    private JsonText() {
    }

    static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return max;
    }
}
