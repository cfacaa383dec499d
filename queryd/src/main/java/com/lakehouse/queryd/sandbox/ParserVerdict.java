package com.lakehouse.queryd.sandbox;

/**
 * What DuckDB's own parser says about a text (from {@code json_serialize_sql}): how many statements
 * it holds when every one is a SELECT, or why it could not be serialized.
 *
 * @param statements  number of statements (0 when {@code error})
 * @param error       true when the text is not one or more SELECT statements
 * @param notSelect   the error is DuckDB refusing a non-SELECT statement (as opposed to a syntax error)
 * @param message     DuckDB's error message, when {@code error}
 */
public record ParserVerdict(int statements, boolean error, boolean notSelect, String message) {
}
