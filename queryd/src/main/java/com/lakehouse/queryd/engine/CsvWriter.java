package com.lakehouse.queryd.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import com.lakehouse.queryd.sandbox.ErrorRedactor;

/**
 * Writes a result as RFC 4180 CSV while it is read: a header row of the column names, CRLF line
 * ends, fields holding a comma, a double quote, CR or LF quoted with the quotes doubled, NULL as an
 * empty field. Only a buffer of text is held at a time, whatever the result's size. Every field
 * has queryd's local directories replaced by placeholders (SPEC §2).
 */
public final class CsvWriter {

    private static final int BUFFER_CHARS = 64 * 1024;

    private CsvWriter() {
    }

    /** @return the rows written (at most {@code maxRows}) */
    public static long write(ResultSet result, long maxRows, OutputStream out, ErrorRedactor paths)
            throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        for (int i = 1; i <= columns; i++) {
            field(writer, paths.paths(meta.getColumnLabel(i)), i);
        }
        writer.write("\r\n");
        long rows = 0;
        while (rows < maxRows && result.next()) {
            for (int i = 1; i <= columns; i++) {
                field(writer, paths.paths(result.getString(i)), i);
            }
            writer.write("\r\n");
            rows++;
        }
        writer.flush();
        return rows;
    }

    static void field(Writer writer, String value, int column) throws IOException {
        if (column > 1) {
            writer.write(',');
        }
        if (value == null) {
            return;
        }
        if (needsQuotes(value)) {
            writer.write('"');
            writer.write(value.replace("\"", "\"\""));
            writer.write('"');
        } else {
            writer.write(value);
        }
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
