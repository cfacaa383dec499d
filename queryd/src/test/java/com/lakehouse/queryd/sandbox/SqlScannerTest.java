package com.lakehouse.queryd.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.lakehouse.shared.error.InvalidRequestException;

class SqlScannerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "SELECT 1|1",
            "SELECT 1;|1",
            "SELECT 1; ;  ;|1",
            "SELECT 1; SELECT 2|2",
            "SELECT ';'|1",
            "SELECT 'it''s; fine'|1",
            "SELECT \"a;b\" FROM t|1",
            "SELECT $$ ; $$|1",
            "SELECT $x$ ; $y$ ; $x$|1",
            "SELECT $1, $2; SELECT 2|2",
            "SELECT E'\\'; still the string'|1",
            "SELECT 'a\\'; SELECT 2|2",
            "SELECT 1 -- ; comment|1",
            "SELECT 1 /* ; */|1",
            "SELECT 1 /* /* ; */ ; */|1",
            "/* only */ -- comments|0",
    })
    void countsStatementsAsDuckDbsLexerDoes(String sql, int statements) {
        assertThat(SqlScanner.split(sql)).hasSize(statements);
    }

    @Test
    void firstKeywordSkipsCommentsAndUnicodeWhitespace() {
        assertThat(SqlScanner.split("/* x */ -- y\n\u00A0\u2003select 1").getFirst().firstKeyword()).isEqualTo("SELECT");
        assertThat(SqlScanner.split("\uFEFFcopy t to 'x'").getFirst().firstKeyword()).isEqualTo("COPY");
        assertThat(SqlScanner.split("(SELECT 1)").getFirst().firstKeyword()).isEmpty();
    }

    @Test
    void wordsCarryTheirPositions() {
        SqlScanner.Statement s = SqlScanner.split("  explain analyze select 1").getFirst();
        assertThat(s.words()).extracting(SqlScanner.Word::upper).containsExactly("EXPLAIN", "ANALYZE", "SELECT");
        assertThat(s.words().get(1).end()).isEqualTo("  explain analyze".length());
    }

    @Test
    void unterminatedTokensAreBadRequests() {
        assertThatThrownBy(() -> SqlScanner.split("SELECT 'open")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SqlScanner.split("SELECT \"open")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SqlScanner.split("SELECT 1 /* open")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SqlScanner.split("SELECT $q$ open")).isInstanceOf(InvalidRequestException.class);
    }
}
