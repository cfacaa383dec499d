package com.lakehouse.queryd.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lakehouse.shared.error.InvalidRequestException;

/**
 * The first fence of the sandbox: splits a request into statements the way DuckDB's lexer does
 * (single-quoted strings with doubled quotes, {@code E'...'} strings with backslash escapes,
 * double-quoted identifiers, {@code $tag$...$tag$} strings, {@code --} and nested block comments),
 * before DuckDB ever sees the text. This matters because DuckDB's JDBC driver executes every
 * statement but the last while merely preparing a multi-statement string.
 */
public final class SqlScanner {

    private SqlScanner() {
    }

    /** One statement: its text without the terminating semicolon, and its leading words in upper case. */
    public record Statement(String text, List<Word> words) {

        /** The first keyword, or empty when the statement starts with something else (such as a parenthesis). */
        public String firstKeyword() {
            return words.isEmpty() ? "" : words.getFirst().upper();
        }
    }

    /** A bare word at the start of a statement, with where it ends in the statement's text. */
    public record Word(String upper, int start, int end) {
    }

    /** Splits {@code sql} into its non-empty statements; unterminated strings or comments are a 400. */
    public static List<Statement> split(String sql) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';') {
                add(statements, sql.substring(start, i));
                start = ++i;
            } else {
                i = skip(sql, i);
            }
        }
        add(statements, sql.substring(start));
        return statements;
    }

    /** Index just past the token starting at {@code i}: a string, identifier, comment or single character. */
    static int skip(String sql, int i) {
        char c = sql.charAt(i);
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
        if (c == '\'') {
            return endOfQuoted(sql, i + 1, '\'', isEscapeString(sql, i));
        }
        if (c == '"') {
            return endOfQuoted(sql, i + 1, '"', false);
        }
        if (c == '-' && next == '-') {
            int eol = sql.indexOf('\n', i);
            return eol < 0 ? sql.length() : eol + 1;
        }
        if (c == '/' && next == '*') {
            return endOfBlockComment(sql, i);
        }
        if (c == '$') {
            return endOfDollarQuoted(sql, i);
        }
        return i + 1;
    }

    /** {@code E'...'} (and {@code e'...'}) strings take backslash escapes, unless E ends a longer word. */
    private static boolean isEscapeString(String sql, int quote) {
        if (quote == 0 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
            return false;
        }
        return quote < 2 || !isWordChar(sql.charAt(quote - 2));
    }

    private static int endOfQuoted(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new InvalidRequestException("unterminated " + (quote == '"' ? "quoted identifier" : "string literal"));
    }

    private static int endOfBlockComment(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length() - 1) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new InvalidRequestException("unterminated /* comment");
    }

    /** {@code $tag$ ... $tag$}; a {@code $} followed by a digit is a parameter, not a quote. */
    private static int endOfDollarQuoted(String sql, int from) {
        int i = from + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return i;
        }
        while (i < sql.length() && isWordChar(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return from + 1;
        }
        String tag = sql.substring(from, i + 1);
        int close = sql.indexOf(tag, i + 1);
        if (close < 0) {
            throw new InvalidRequestException("unterminated dollar-quoted string");
        }
        return close + tag.length();
    }

    private static void add(List<Statement> statements, String text) {
        List<Word> words = leadingWords(text);
        if (!isBlank(text)) {
            statements.add(new Statement(text, words));
        }
    }

    /** True when the text holds nothing but whitespace and comments. */
    private static boolean isBlank(String text) {
        return skipSpaceAndComments(text, 0) == text.length();
    }

    /** The bare words a statement starts with (up to three), skipping whitespace and comments between them. */
    private static List<Word> leadingWords(String text) {
        List<Word> words = new ArrayList<>();
        int i = skipSpaceAndComments(text, 0);
        while (i < text.length() && words.size() < 3) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) && c != '_') {
                break;
            }
            int end = i;
            while (end < text.length() && isWordChar(text.charAt(end))) {
                end++;
            }
            words.add(new Word(text.substring(i, end).toUpperCase(Locale.ROOT), i, end));
            i = skipSpaceAndComments(text, end);
        }
        return words;
    }

    /** The index of the first character from {@code i} on that is neither whitespace nor in a comment. */
    private static int skipSpaceAndComments(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (isSpace(c)) {
                i++;
            } else if ((c == '-' && next == '-') || (c == '/' && next == '*')) {
                i = skip(text, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** Whitespace as Java and Unicode know it, including no-break and zero-width spaces and the BOM. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
