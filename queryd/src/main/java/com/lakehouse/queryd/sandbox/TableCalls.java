package com.lakehouse.queryd.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Finds queryd's own table functions ({@code dataset(...)}, {@code dataset_diff(...)},
 * {@code vector_search(...)}) in a request's text and replaces each call by SQL that queryd wrote
 * itself. DuckDB's JDBC driver has no Java table functions, so these calls never reach DuckDB: they
 * are resolved before the sandbox vets the text, and it is the rewritten text that is vetted and
 * run. The scan skips strings, quoted identifiers and comments exactly as {@link SqlScanner} does,
 * and arguments must be literals (strings, numbers, {@code [..]} number lists), so a call can never
 * smuggle SQL of the caller's into the replacement.
 */
public final class TableCalls {

    private TableCalls() {
    }

    /** One argument: a string, a number, or a list of numbers. */
    public record Arg(String string, Double number, double[] vector) {

        public boolean isString() {
            return string != null;
        }

        public boolean isNumber() {
            return number != null;
        }

        public boolean isVector() {
            return vector != null;
        }

        String describe() {
            return isString() ? "a string" : isNumber() ? "a number" : "a list of numbers";
        }
    }

    /** A call found in the text: its function (lower case), its span and its literal arguments. */
    public record Call(String function, int start, int end, List<Arg> args) {

        public Call {
            args = List.copyOf(args);
        }

        /** The argument at {@code i} as a string, or a 400 naming the function and position. */
        public String string(int i, String what) {
            Arg arg = arg(i, what);
            if (!arg.isString()) {
                throw invalid(what + " must be a string, not " + arg.describe());
            }
            return arg.string();
        }

        /** The argument at {@code i} as a whole number within {@code min..max}. */
        public long whole(int i, String what, long min, long max) {
            Arg arg = arg(i, what);
            if (!arg.isNumber() || arg.number() != Math.rint(arg.number())
                    || arg.number() < min || arg.number() > max) {
                throw invalid(what + " must be a whole number from " + min + " to " + max);
            }
            return arg.number().longValue();
        }

        public Arg arg(int i, String what) {
            if (i >= args.size()) {
                throw invalid("missing " + what);
            }
            return args.get(i);
        }

        public InvalidRequestException invalid(String message) {
            return new InvalidRequestException(function + "(): " + message);
        }
    }

    /** Every call of one of {@code functions} (lower-case names) in {@code sql}, in order. */
    public static List<Call> find(String sql, Set<String> functions) {
        List<Call> calls = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && SqlScanner.isWordChar(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
                int paren = skipSpaces(sql, end);
                boolean qualified = i > 0 && sql.charAt(i - 1) == '.';
                if (functions.contains(word) && !qualified && paren < sql.length() && sql.charAt(paren) == '(') {
                    Call call = parseCall(sql, word, i, paren + 1);
                    calls.add(call);
                    i = call.end();
                } else {
                    i = end;
                }
            } else {
                i = SqlScanner.skip(sql, i);
            }
        }
        return calls;
    }

    /** {@code sql} with each call replaced by what {@code replacement} returns for it. */
    public static String rewrite(String sql, List<Call> calls, Function<Call, String> replacement) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int at = 0;
        for (Call call : calls) {
            out.append(sql, at, call.start()).append(replacement.apply(call));
            at = call.end();
        }
        return out.append(sql, at, sql.length()).toString();
    }

    private static Call parseCall(String sql, String function, int start, int from) {
        List<Arg> args = new ArrayList<>();
        int i = skipSpaces(sql, from);
        if (i < sql.length() && sql.charAt(i) == ')') {
            return new Call(function, start, i + 1, args);
        }
        while (true) {
            int[] end = new int[1];
            args.add(parseArg(sql, function, i, end));
            i = skipSpaces(sql, end[0]);
            if (i >= sql.length()) {
                throw new InvalidRequestException(function + "(): missing closing parenthesis");
            }
            if (sql.charAt(i) == ')') {
                return new Call(function, start, i + 1, args);
            }
            if (sql.charAt(i) != ',') {
                throw literalsOnly(function);
            }
            i = skipSpaces(sql, i + 1);
        }
    }

    private static Arg parseArg(String sql, String function, int i, int[] end) {
        if (i >= sql.length()) {
            throw literalsOnly(function);
        }
        char c = sql.charAt(i);
        if (c == '\'') {
            int close = SqlScanner.skip(sql, i);
            end[0] = close;
            return new Arg(sql.substring(i + 1, close - 1).replace("''", "'"), null, null);
        }
        if (c == '[') {
            int close = sql.indexOf(']', i);
            if (close < 0) {
                throw literalsOnly(function);
            }
            String body = sql.substring(i + 1, close).strip();
            String[] parts = body.isEmpty() ? new String[0] : body.split(",");
            double[] vector = new double[parts.length];
            for (int p = 0; p < parts.length; p++) {
                vector[p] = number(parts[p].strip(), function);
            }
            end[0] = close + 1;
            return new Arg(null, null, vector);
        }
        int j = i;
        while (j < sql.length() && "+-.0123456789eE".indexOf(sql.charAt(j)) >= 0) {
            j++;
        }
        end[0] = j;
        return new Arg(null, number(sql.substring(i, j), function), null);
    }

    private static double number(String text, String function) {
        try {
            double value = Double.parseDouble(text);
            if (!text.isEmpty() && Character.isLetter(text.charAt(text.length() - 1))) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw literalsOnly(function);
        }
    }

    private static InvalidRequestException literalsOnly(String function) {
        return new InvalidRequestException(function + "(): arguments must be literals: 'strings', numbers or [number lists]");
    }

    private static int skipSpaces(String sql, int i) {
        while (i < sql.length() && SqlScanner.isSpace(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
