package com.lakehouse.ingestd.convert;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.text.HostPaths;

/**
 * A DuckDB error from a conversion, read for what the caller may see: the line, and for a value
 * that does not convert, the column, the value and the type. The message never carries the spool
 * file's path (SPEC §2: no host paths in responses).
 */
record DuckDbFailure(String summary, long line, String column, String value, String type) {

    private static final Pattern LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern CONVERSION = Pattern.compile(
            "Error when converting column \"(.*)\"\\. Could not convert string \"(.*)\" to '([A-Za-z0-9 ]+)'", Pattern.DOTALL);

    static DuckDbFailure parse(String message, Path csv) {
        String text = message == null ? "unknown DuckDB error" : HostPaths.redact(message, csv, "<upload>");
        Matcher lineMatch = LINE.matcher(text);
        long line = lineMatch.find() ? Long.parseLong(lineMatch.group(1)) : 0;
        String summary = text.lines().findFirst().orElse(text).trim();
        Matcher conversion = CONVERSION.matcher(text);
        if (text.contains("Conversion Error") && conversion.find()) {
            return new DuckDbFailure(summary, line, conversion.group(1), conversion.group(2), conversion.group(3));
        }
        return new DuckDbFailure(summary, line, null, null, null);
    }

    boolean isConversion() {
        return column != null;
    }

    /** The index of the failing column in the profile, or -1. */
    int columnIndex(CsvProfile profile) {
        if (column == null) {
            return -1;
        }
        for (int i = 0; i < profile.columns().size(); i++) {
            if (profile.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** A value that does not fit the existing dataset's column type (an append or replace of it). */
    ConflictException toConflict() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("column", column);
        details.put("line", line);
        details.put("value", value);
        details.put("type", type);
        return new ConflictException("line " + line + ": the value \"" + value + "\" of column '" + column
                + "' does not fit the dataset's type " + type, details);
    }

    UnprocessableException toException() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (line > 0) {
            details.put("line", line);
        }
        if (isConversion()) {
            details.put("column", column);
            details.put("value", value);
            return new UnprocessableException("line " + line + ": the value \"" + value + "\" of column '" + column
                    + "' does not convert to " + type, details);
        }
        return new UnprocessableException("DuckDB cannot read the file: " + summary, details);
    }
}
