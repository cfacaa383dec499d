package com.lakehouse.queryd.sandbox;

/** DuckDB's parser as the sandbox consults it; the text is passed as a bound parameter, never executed. */
@FunctionalInterface
public interface SqlParser {

    ParserVerdict parse(String sql);
}
