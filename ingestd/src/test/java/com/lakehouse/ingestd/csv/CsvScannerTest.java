package com.lakehouse.ingestd.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lakehouse.shared.error.InvalidRequestException;

class CsvScannerTest {

    @Test
    void readsQuotedCommasNewlinesAndDoubledQuotes() {
        CsvProfile profile = scan("id,text\n1,\"a, b\"\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n");
        assertThat(names(profile)).containsExactly("id", "text");
        assertThat(profile.rows()).isEqualTo(3);
        assertThat(types(profile)).containsExactly(ColumnType.BIGINT, ColumnType.VARCHAR);
    }

    @Test
    void acceptsCrlfLoneCrAndNoFinalNewline() {
        assertThat(scan("a,b\r\n1,2\r\n3,4\r\n").rows()).isEqualTo(2);
        assertThat(scan("a,b\r1,2\r3,4").rows()).isEqualTo(2);
        assertThat(scan("a,b\n1,2\n3,4").rows()).isEqualTo(2);
    }

    @Test
    void skipsTheBomEvenWhenSplitAcrossChunks() {
        byte[] bytes = bytes("\uFEFFname,n\nx,1\n");
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        for (int chunk = 1; chunk <= 4; chunk++) {
            CsvProfile profile = scan(bytes, chunk);
            assertThat(names(profile)).containsExactly("name", "n");
        }
    }

    @Test
    void keepsUtf8NamesExactly() {
        CsvProfile profile = scan("naïve,日本,\"quoted, name\"\né,✓,x\n");
        assertThat(names(profile)).containsExactly("naïve", "日本", "quoted, name");
    }

    @Test
    void emptyLinesAreSkippedWithSeveralColumnsButAreNullsWithOne() {
        assertThat(scan("a,b\n1,2\n\n3,4\n\n").rows()).isEqualTo(2);
        CsvProfile single = scan("a\n1\n\n3\n\n\n");
        assertThat(single.rows()).isEqualTo(5);
        assertThat(single.columns().get(0).nullable()).isTrue();
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsALiteral() {
        assertThat(scan("a,b\n1,ab\"c\n").rows()).isEqualTo(1);
    }

    @Test
    void wrongFieldCountNamesThePhysicalLineWhereTheRecordStarts() {
        assertRejected("a,b,c\n1,2,3\n4,5\n", "line 3: expected 3 fields but found 2", 3);
        // The record on lines 2-3 is fine; the next one starts on line 4.
        assertRejected("a,b\n1,\"x\ny\"\n2,3,4\n", "line 4: expected 2 fields but found 3", 4);
        assertRejected("a,b\r\n1,2\r\n3\r\n", "line 3:", 3);
    }

    @Test
    void refusesBadQuoting() {
        assertRejected("a,b\n1,\"ab\"c\n", "line 2: unexpected text after the closing quote of field 2", 2);
        assertRejected("a,b\n1,2\n3,\"never\nclosed\n", "line 3: a quoted field is never closed", 3);
    }

    @Test
    void refusesInvalidUtf8NamingTheLine() {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> scan(bytes, 64)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("line 3: invalid UTF-8");
        byte[] truncated = {'a', '\n', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> scan(truncated, 64)).hasMessageContaining("invalid UTF-8");
    }

    @Test
    void refusesNulBytes() {
        assertRejected("a,b\n1,x\u0000y\n", "line 2: NUL byte", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF"})
    void refusesAnEmptyFile(String content) {
        assertThatThrownBy(() -> scan(content)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b\n", "a,b", "a,b\r\n\r\n\r\n"})
    void refusesAHeaderWithoutRows(String content) {
        assertThatThrownBy(() -> scan(content)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("header row but no data rows");
    }

    @Test
    void refusesEmptyAndDuplicateHeaderNames() {
        assertRejected("a,,c\n1,2,3\n", "header column 2 has an empty name", 1);
        assertRejected("a, \n1,2\n", "header column 2 has an empty name", 1);
        assertRejected("\n1\n", "header column 1 has an empty name", 1);
        assertRejected("id,name,ID\n1,2,3\n", "duplicate header name 'ID' (columns 1 and 3", 1);
    }

    @Test
    void refusesAHeaderOverTheSchemaBounds() {
        String wide = java.util.stream.IntStream.rangeClosed(1, 1025).mapToObj(i -> "c" + i)
                .collect(java.util.stream.Collectors.joining(","));
        assertThatThrownBy(() -> scan(wide + "\n" + "1,".repeat(1024) + "1\n"))
                .isInstanceOf(com.lakehouse.shared.error.PayloadTooLargeException.class)
                .hasMessageContaining("has 1025 columns; the limit is 1024");
        assertThat(scan(wide.substring(0, wide.lastIndexOf(',')) + "\n" + "1,".repeat(1023) + "1\n").columns())
                .hasSize(1024);
        assertThatThrownBy(() -> scan("id," + "é".repeat(128) + "\n1,2\n"))
                .isInstanceOf(com.lakehouse.shared.error.UnprocessableException.class)
                .hasMessageContaining("header column 2 is 256 bytes");
        assertThat(names(scan("id," + "é".repeat(127) + "x\n1,2\n"))).hasSize(2);
        assertThatThrownBy(() -> scan("id,\"a\tb\"\n1,2\n"))
                .isInstanceOf(com.lakehouse.shared.error.UnprocessableException.class)
                .hasMessageContaining("header column 2 holds a control character");
    }

    @Test
    void infersEachTypeFromTheSample() {
        CsvProfile profile = scan("i,d,b,day,ts,s,mixed,none\n"
                + "1,1.5,true,2024-01-01,2024-01-01T10:00:00,x,1,\n"
                + "2,2,FALSE,2024-12-31,2024-01-01 10:00:00.5,y,2024-01-01,\n"
                + ",,,,,,,\n");
        assertThat(types(profile)).containsExactly(ColumnType.BIGINT, ColumnType.DOUBLE, ColumnType.BOOLEAN,
                ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.VARCHAR, ColumnType.VARCHAR, ColumnType.VARCHAR);
        assertThat(profile.columns()).allSatisfy(c -> assertThat(c.nullable()).isTrue());
    }

    @Test
    void datesMixedWithTimestampsAreAmbiguousAndStayText() {
        assertThat(types(scan("t\n2024-01-01\n2024-01-01 10:00:00\n"))).containsExactly(ColumnType.VARCHAR);
    }

    @Test
    void aLateValueWidensBigintToDoubleAndRemembersWhere() {
        CsvProfile profile = scanWithSample(2, "n\n1\n2\n3\n4.5\n5\n");
        CsvProfile.Column column = profile.columns().get(0);
        assertThat(column.sampledType()).isEqualTo(ColumnType.BIGINT);
        assertThat(column.type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(column.widenedAtLine()).isEqualTo(5);
        assertThat(column.widenedBy()).isEqualTo("4.5");
    }

    @Test
    void aLateValueThatNoNumberHoldsWidensToVarchar() {
        CsvProfile profile = scanWithSample(2, "n,d\n1,2024-01-01\n2,2024-01-02\n3,soon\nabc,2024-01-03\n");
        assertThat(types(profile)).containsExactly(ColumnType.VARCHAR, ColumnType.VARCHAR);
        assertThat(profile.columns().get(0).widenedAtLine()).isEqualTo(5);
        assertThat(profile.columns().get(1).widenedAtLine()).isEqualTo(4);
    }

    @Test
    void bigintsBeyondExactDoublesWidenToVarcharNotDouble() {
        CsvProfile profile = scanWithSample(1, "n\n9007199254740993\n0.5\n");
        assertThat(types(profile)).containsExactly(ColumnType.VARCHAR);
    }

    @Test
    void theSampleDecidesEvenIfLaterValuesWouldFitATighterType() {
        // An all-empty sample is ambiguous: the column stays text, however numeric the rest is.
        CsvProfile profile = scanWithSample(2, "n\n\n\n3\n4\n");
        assertThat(types(profile)).containsExactly(ColumnType.VARCHAR);
    }

    @Test
    void longValuesAreTextAndTheLongestRecordIsMeasured() {
        String longText = "x".repeat(5000);
        CsvProfile profile = scan("a,b\n1,\"" + longText + "\"\n");
        assertThat(types(profile)).containsExactly(ColumnType.BIGINT, ColumnType.VARCHAR);
        assertThat(profile.maxRecordBytes()).isGreaterThanOrEqualTo(5000 + 4);
    }

    @Test
    void chunkingNeverChangesTheResult() {
        String csv = "\uFEFFid,\"te,xt\",v\r\n1,\"multi\r\nline \"\"q\"\"\",2.5\r\n2,plain,3\r\n\r\n3,\"\",\r\n4,é✓,1e3";
        byte[] bytes = bytes(csv);
        CsvProfile whole = scan(bytes, bytes.length);
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            assertThat(scanRandomChunks(bytes, random)).isEqualTo(whole);
        }
        assertThat(whole.rows()).isEqualTo(4);
        assertThat(types(whole)).containsExactly(ColumnType.BIGINT, ColumnType.VARCHAR, ColumnType.DOUBLE);
    }

    private static CsvProfile scanRandomChunks(byte[] bytes, Random random) {
        CsvScanner scanner = new CsvScanner(1000);
        int i = 0;
        while (i < bytes.length) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(6));
            byte[] copy = java.util.Arrays.copyOfRange(bytes, i, i + n);
            scanner.feed(copy, 0, n);
            i += n;
        }
        return scanner.finish();
    }

    private static void assertRejected(String csv, String message, long line) {
        assertThatThrownBy(() -> scan(csv)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidRequestException) e).details()).containsEntry("line", line));
    }

    private static CsvProfile scan(String csv) {
        byte[] bytes = bytes(csv);
        CsvProfile whole = scan(bytes, Math.max(1, bytes.length));
        assertThat(scan(bytes, 1)).isEqualTo(whole);
        return whole;
    }

    private static CsvProfile scan(byte[] bytes, int chunk) {
        CsvScanner scanner = new CsvScanner(1000);
        for (int i = 0; i < bytes.length; i += chunk) {
            scanner.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return scanner.finish();
    }

    private static CsvProfile scanWithSample(int sampleRows, String csv) {
        byte[] bytes = bytes(csv);
        CsvScanner scanner = new CsvScanner(sampleRows);
        scanner.feed(bytes, 0, bytes.length);
        return scanner.finish();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(CsvProfile profile) {
        return profile.columns().stream().map(CsvProfile.Column::name).toList();
    }

    private static List<ColumnType> types(CsvProfile profile) {
        return profile.columns().stream().map(CsvProfile.Column::type).toList();
    }
}
