package com.lakehouse.queryd.sandbox;

import java.util.List;
import java.util.Set;

import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Decides whether a request may run (SPEC §6): exactly one statement, and that statement read-only.
 * Two independent checks must agree: {@link SqlScanner} (our lexer: statement count, first keyword
 * against an allowlist) and DuckDB's parser (the text must serialize as exactly one SELECT). The
 * database itself is locked down as well (no external access, locked configuration), so a gap in
 * either check still cannot reach a file, a URL or a setting.
 */
public final class SqlSandbox {

    /** Statements that are queries DuckDB serializes as SELECT nodes. */
    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "FROM");
    private static final Set<String> INSPECT_KEYWORDS = Set.of("DESCRIBE", "SHOW", "SUMMARIZE");

    private final SqlParser parser;

    public SqlSandbox(SqlParser parser) {
        this.parser = parser;
    }

    /**
     * @throws InvalidRequestException     empty text, several statements, or a syntax error (400)
     * @throws ForbiddenOperationException anything but SELECT / WITH / VALUES / FROM / EXPLAIN /
     *                                     DESCRIBE / SHOW / SUMMARIZE (403)
     */
    public VettedQuery vet(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidRequestException("sql is required");
        }
        List<SqlScanner.Statement> statements = SqlScanner.split(sql);
        if (statements.isEmpty()) {
            throw new InvalidRequestException("sql holds no statement");
        }
        if (statements.size() > 1) {
            throw new InvalidRequestException("one statement per request: found " + statements.size());
        }
        SqlScanner.Statement statement = statements.getFirst();
        String keyword = statement.firstKeyword();
        if (keyword.equals("EXPLAIN")) {
            return vetExplain(statement);
        }
        boolean parenthesized = keyword.isEmpty() && statement.text().strip().startsWith("(");
        if (!parenthesized && !QUERY_KEYWORDS.contains(keyword) && !INSPECT_KEYWORDS.contains(keyword)) {
            throw refusedOrInvalid(statement.text(), keyword);
        }
        String text = statement.text().strip();
        VettedQuery vetted = new VettedQuery(text, !INSPECT_KEYWORDS.contains(keyword));
        if (!vetted.limitable()) {
            requireSingleSelect(text, keyword);
            return vetted;
        }
        // What runs is the wrapped form, so that is what DuckDB must read as exactly one SELECT.
        // One parse on the happy path; a failure is classified against the caller's own text.
        ParserVerdict wrapped = parser.parse(vetted.limitedTo(1));
        if (!wrapped.error() && wrapped.statements() == 1) {
            return vetted;
        }
        requireSingleSelect(text, keyword);
        throw new InvalidRequestException(wrapped.error() ? wrapped.message()
                : "one statement per request: found " + wrapped.statements());
    }

    /**
     * EXPLAIN [ANALYZE] followed by a query. The prefix must be bare words separated by plain
     * whitespace, so the text DuckDB checks is exactly the text that follows it.
     */
    private VettedQuery vetExplain(SqlScanner.Statement statement) {
        String text = statement.text();
        List<SqlScanner.Word> words = statement.words();
        SqlScanner.Word explain = words.getFirst();
        if (!text.substring(0, explain.start()).isBlank()) {
            throw new ForbiddenOperationException("EXPLAIN must start the statement");
        }
        int bodyStart = explain.end();
        String prefix = "EXPLAIN ";
        if (words.size() > 1 && words.get(1).upper().equals("ANALYZE")
                && text.substring(explain.end(), words.get(1).start()).isBlank()) {
            bodyStart = words.get(1).end();
            prefix = "EXPLAIN ANALYZE ";
        }
        String body = text.substring(bodyStart).strip();
        List<SqlScanner.Statement> inner = SqlScanner.split(body);
        String innerKeyword = inner.isEmpty() ? "" : inner.getFirst().firstKeyword();
        boolean parenthesized = innerKeyword.isEmpty() && body.startsWith("(");
        if (!parenthesized && !QUERY_KEYWORDS.contains(innerKeyword)) {
            throw new ForbiddenOperationException("EXPLAIN is allowed only for queries (SELECT, WITH, VALUES, FROM)");
        }
        requireSingleSelect(body, innerKeyword);
        return new VettedQuery(prefix + body, false);
    }

    private void requireSingleSelect(String text, String keyword) {
        ParserVerdict verdict = parser.parse(text);
        if (verdict.error()) {
            if (verdict.notSelect()) {
                throw refused(keyword);
            }
            throw new InvalidRequestException(verdict.message());
        }
        if (verdict.statements() != 1) {
            throw new InvalidRequestException("one statement per request: found " + verdict.statements());
        }
    }

    /** Outside the allowlist: a syntax error (a typo) is a 400 with DuckDB's message, a real statement a 403. */
    private RuntimeException refusedOrInvalid(String text, String keyword) {
        ParserVerdict verdict = parser.parse(text);
        if (verdict.error() && !verdict.notSelect()) {
            return new InvalidRequestException(verdict.message());
        }
        return refused(keyword);
    }

    private static ForbiddenOperationException refused(String keyword) {
        String what = keyword.isEmpty() ? "this statement" : keyword;
        return new ForbiddenOperationException(what + " is not allowed: queryd runs only read-only statements"
                + " (SELECT, WITH, VALUES, FROM, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE)");
    }
}
