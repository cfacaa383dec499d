package com.lakehouse.ingestd.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lakehouse.shared.catalog.SchemaLimits;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * A streaming RFC 4180 scanner fed with the upload's bytes as they arrive, so a bad file is refused
 * (400, naming the line) before DuckDB sees it, and the types are inferred in the same pass.
 *
 * <p>What it accepts is what DuckDB's {@code read_csv} reads the same way: comma-separated fields,
 * double-quoted fields holding commas, CR/LF and doubled quotes; records ended by LF, CRLF or CR;
 * a UTF-8 BOM skipped; a quote inside an unquoted field kept as a literal character; an empty line
 * skipped when the file has more than one column (with one column it is a NULL value, as in DuckDB).
 * Lines are physical lines counted from 1 at the header, so an error names what an editor shows.
 *
 * <p>With a {@link CsvRowSink} the scanner also hands over every data value as it goes, for the
 * conversion that runs during the upload.
 *
 * <p>One instance scans one file; it is not thread-safe.
 */
public final class CsvScanner {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTED_CR = 3;
    private static final int QUOTE_IN_QUOTED = 4;
    private static final int AFTER_CR = 5;

    private final int sampleRows;
    private final Utf8Validator utf8 = new Utf8Validator();
    /** Values longer than this are not handed over (the ordinary conversion takes the file). */
    public static final int MAX_SINK_VALUE_BYTES = 16 << 20;

    /** Null when there is none, or once it was given up. */
    private CsvRowSink sink;
    /**
     * The current value for the sink. The scratch below holds only what typing needs (at most
     * {@link ValueClassifier#MAX_TYPED_LENGTH} bytes, into a fixed array: measured, gathering typed
     * values into this growable buffer instead made the scan about 15 % slower). A value
     * that arrives in one piece is passed on straight from the input buffer; only values in
     * several pieces (escaped quotes, line breaks, a chunk boundary) are copied together here.
     */
    private byte[] value = new byte[256];
    private int valueLength;
    private byte[] pieceBuffer;
    private int pieceFrom;
    private int pieceLength;
    private boolean pieceHeld;

    private int bomMatched;
    private boolean bomDecided;
    private long consumed;

    private int state = FIELD_START;
    private long line = 1;
    private long recordStartLine = 1;
    private long recordStartOffset;
    private long quoteStartLine;
    private boolean recordOpen;
    private long maxRecordBytes;

    private int fieldIndex;
    private boolean fieldEmpty = true;
    private boolean capturing = true;
    private final byte[] scratch = new byte[ValueClassifier.MAX_TYPED_LENGTH];
    private int scratchLength;
    private boolean scratchOverflow;

    private final ByteArrayOutputStream headerField = new ByteArrayOutputStream();
    private long headerBytes;
    private List<String> names;
    private final List<String> headerRow = new ArrayList<>();
    private ColumnInference[] columns;
    private long rows;

    /** @param sampleRows how many data rows decide each column's type (SPEC §5: {@code sample_rows}) */
    public CsvScanner(int sampleRows) {
        this(sampleRows, null);
    }

    /**
     * @param sampleRows how many data rows decide each column's type
     * @param sink       receives every data value as it is scanned; null for none
     */
    public CsvScanner(int sampleRows, CsvRowSink sink) {
        if (sampleRows < 1) {
            throw new IllegalArgumentException("sample_rows must be at least 1");
        }
        this.sampleRows = sampleRows;
        this.sink = sink;
    }

    /**
     * Scans the next bytes of the file.
     *
     * @throws InvalidRequestException naming the line when the bytes cannot be valid UTF-8 CSV
     */
    public void feed(byte[] buffer, int offset, int length) {
        int from = offset;
        int to = offset + length;
        if (!bomDecided) {
            from = skipBom(buffer, from, to);
            if (!bomDecided) {
                return;
            }
        }
        checkAndScan(buffer, from, to);
    }

    /**
     * Ends the file: closes the last record and settles the types.
     *
     * @return the profile of a file that passed every check
     * @throws InvalidRequestException for an empty or header-only file, an unterminated quote, a
     *                                 truncated UTF-8 sequence, or a bad last record
     */
    public CsvProfile finish() {
        if (!bomDecided) {
            bomDecided = true;
            checkAndScan(BOM, 0, bomMatched);
        }
        if (!utf8.complete()) {
            throw reject("the file ends inside a UTF-8 sequence (invalid UTF-8)", line);
        }
        switch (state) {
            case QUOTED, QUOTED_CR -> throw reject("line " + quoteStartLine
                    + ": a quoted field is never closed (the file ends inside it)", quoteStartLine);
            case UNQUOTED, QUOTE_IN_QUOTED -> endRecord(consumed);
            case FIELD_START -> {
                if (recordOpen) {
                    endRecord(consumed);
                }
            }
            default -> {
                // AFTER_CR: the last record was already closed
            }
        }
        if (names == null) {
            throw new InvalidRequestException("the file is empty: a CSV needs a header row and at least one data row");
        }
        if (rows == 0) {
            throw new InvalidRequestException("the file has a header row but no data rows");
        }
        return profile();
    }

    private int skipBom(byte[] buffer, int from, int to) {
        while (from < to && bomMatched < BOM.length && buffer[from] == BOM[bomMatched]) {
            bomMatched++;
            from++;
        }
        if (bomMatched == BOM.length) {
            bomDecided = true;
        } else if (from < to) {
            // Not a BOM after all: the bytes taken so far are data.
            bomDecided = true;
            checkAndScan(BOM, 0, bomMatched);
        }
        return from;
    }

    private void checkAndScan(byte[] buffer, int from, int to) {
        int bad = utf8.check(buffer, from, to);
        scan(buffer, from, bad < 0 ? to : bad);
        if (bad >= 0) {
            throw reject("line " + line + ": invalid UTF-8 (byte 0x"
                    + Integer.toHexString(buffer[bad] & 0xFF).toUpperCase(Locale.ROOT) + ")", line);
        }
    }

    private void scan(byte[] b, int from, int to) {
        long base = consumed - from;
        int i = from;
        while (i < to) {
            switch (state) {
                case FIELD_START -> i = fieldStart(b, i, base);
                case UNQUOTED -> i = unquoted(b, i, to);
                case QUOTED -> i = quoted(b, i, to);
                case QUOTED_CR -> {
                    if (b[i] == '\n') {
                        append(b, i, i + 1);
                        i++;
                    }
                    state = QUOTED;
                }
                case QUOTE_IN_QUOTED -> i = afterQuote(b, i);
                default -> {
                    if (b[i] == '\n') {
                        i++;
                    }
                    state = FIELD_START;
                }
            }
        }
        consumed += to - from;
        if (pieceHeld) {
            // The caller reuses its buffer once this call returns.
            holdPieceCopy();
        }
    }

    private int fieldStart(byte[] b, int i, long base) {
        byte c = b[i];
        if (c == '"') {
            recordOpen = true;
            quoteStartLine = line;
            state = QUOTED;
        } else if (c == ',') {
            recordOpen = true;
            endField();
        } else if (c == '\n' || c == '\r') {
            terminate(base + i);
            state = c == '\r' ? AFTER_CR : FIELD_START;
            recordStartOffset = base + i + 1;
        } else {
            recordOpen = true;
            state = UNQUOTED;
            return i;
        }
        return i + 1;
    }

    private int unquoted(byte[] b, int i, int to) {
        int j = ByteSearch.unquotedStop(b, i, to);
        if (j < to && b[j] == 0) {
            throw nulByte();
        }
        append(b, i, j);
        if (j < to) {
            state = FIELD_START;
        }
        return j;
    }

    private int quoted(byte[] b, int i, int to) {
        int j = ByteSearch.quotedStop(b, i, to);
        append(b, i, j);
        if (j == to) {
            return j;
        }
        byte c = b[j];
        if (c == '"') {
            state = QUOTE_IN_QUOTED;
        } else if (c == 0) {
            throw nulByte();
        } else {
            append(b, j, j + 1);
            line++;
            if (c == '\r') {
                state = QUOTED_CR;
            }
        }
        return j + 1;
    }

    private int afterQuote(byte[] b, int i) {
        byte c = b[i];
        if (c == '"') {
            append(b, i, i + 1);
            state = QUOTED;
            return i + 1;
        }
        if (c == ',' || c == '\n' || c == '\r') {
            state = FIELD_START;
            return i;
        }
        throw reject("line " + line + ": unexpected text after the closing quote of field " + (fieldIndex + 1)
                + " (a quote inside a quoted field must be doubled)", line);
    }

    private void append(byte[] b, int from, int to) {
        if (to == from) {
            return;
        }
        fieldEmpty = false;
        if (sink != null && names != null && (long) valueLength + (pieceHeld ? pieceLength : 0) + (to - from) > MAX_SINK_VALUE_BYTES) {
            dropSink("a value at line " + recordStartLine + " is longer than " + MAX_SINK_VALUE_BYTES + " bytes");
        }
        if (sink != null && names != null) {
            if (!pieceHeld && valueLength == 0) {
                pieceBuffer = b;
                pieceFrom = from;
                pieceLength = to - from;
                pieceHeld = true;
            } else {
                if (pieceHeld) {
                    holdPieceCopy();
                }
                keepValue(b, from, to);
            }
        }
        if (!capturing) {
            return;
        }
        if (names == null) {
            headerBytes += to - from;
            if (headerBytes > MAX_HEADER_BYTES) {
                throw reject("the header row is longer than " + MAX_HEADER_BYTES + " bytes", recordStartLine);
            }
            headerField.write(b, from, to - from);
            return;
        }
        int room = scratch.length - scratchLength;
        int n = Math.min(room, to - from);
        System.arraycopy(b, from, scratch, scratchLength, n);
        scratchLength += n;
        if (n < to - from) {
            scratchOverflow = true;
        }
    }

    private void dropSink(String reason) {
        sink.giveUp(reason);
        sink = null;
        pieceHeld = false;
        valueLength = 0;
        value = new byte[0];
    }

    private void holdPieceCopy() {
        pieceHeld = false;
        keepValue(pieceBuffer, pieceFrom, pieceFrom + pieceLength);
    }

    private void keepValue(byte[] b, int from, int to) {
        int n = to - from;
        if (valueLength + n > value.length) {
            value = Arrays.copyOf(value, Math.max(value.length * 2, valueLength + n));
        }
        System.arraycopy(b, from, value, valueLength, n);
        valueLength += n;
    }

    /** A line terminator outside quotes: ends the record, or is an empty line. */
    private void terminate(long position) {
        if (recordOpen || names == null || columns.length == 1) {
            endRecord(position);
        }
        line++;
        recordStartLine = line;
    }

    private void endField() {
        if (names == null) {
            headerRow.add(headerField.toString(StandardCharsets.UTF_8));
            headerField.reset();
        } else if (fieldIndex < columns.length) {
            ColumnInference column = columns[fieldIndex];
            if (fieldEmpty) {
                column.acceptEmpty();
            } else if (capturing) {
                if (rows < sampleRows) {
                    column.acceptSample(scratch, scratchLength, scratchOverflow, recordStartLine);
                } else if (!column.acceptLater(scratch, scratchLength, scratchOverflow, recordStartLine) && sink != null) {
                    dropSink("the value at line " + recordStartLine + " widens column '" + names.get(fieldIndex) + "'");
                }
            }
            if (sink != null) {
                if (fieldEmpty) {
                    sink.nullValue(fieldIndex);
                } else if (pieceHeld) {
                    sink.value(fieldIndex, pieceBuffer, pieceFrom, pieceLength);
                } else {
                    sink.value(fieldIndex, value, 0, valueLength);
                }
            }
        }
        pieceHeld = false;
        valueLength = 0;
        fieldIndex++;
        fieldEmpty = true;
        scratchLength = 0;
        scratchOverflow = false;
        capturing = names == null || (fieldIndex < columns.length && columns[fieldIndex].watching());
    }

    private void endRecord(long position) {
        endField();
        int fields = fieldIndex;
        if (names == null) {
            acceptHeader();
        } else {
            if (fields != columns.length) {
                throw reject("line " + recordStartLine + ": expected " + columns.length + " fields but found " + fields,
                        recordStartLine);
            }
            rows++;
            if (sink != null) {
                sink.endRow();
            }
            if (rows == sampleRows) {
                for (ColumnInference column : columns) {
                    column.closeSample();
                }
                if (sink != null) {
                    sink.typesDecided(Arrays.stream(columns).map(ColumnInference::sampledType).toList(), position, rows);
                }
            }
        }
        maxRecordBytes = Math.max(maxRecordBytes, position - recordStartOffset);
        recordOpen = false;
        fieldIndex = 0;
        capturing = names == null || columns[0].watching();
    }

    private void acceptHeader() {
        // The catalog's bounds, checked here so an over-wide file is refused before it is converted.
        SchemaLimits.checkColumnCount(headerRow.size(), "the header row");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headerRow.size(); i++) {
            String name = headerRow.get(i);
            if (name.isBlank()) {
                throw reject("line " + recordStartLine + ": header column " + (i + 1) + " has an empty name", recordStartLine);
            }
            SchemaLimits.checkColumnName(name, "header column " + (i + 1));
            // DuckDB (and queryd's SQL) compare column names case-insensitively.
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw reject("line " + recordStartLine + ": duplicate header name '" + name + "' (columns " + earlier
                        + " and " + (i + 1) + "; names are compared ignoring case)", recordStartLine);
            }
        }
        names = List.copyOf(headerRow);
        if (sink != null) {
            sink.header(names);
        }
        columns = new ColumnInference[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnInference();
        }
    }

    private CsvProfile profile() {
        List<CsvProfile.Column> result = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            ColumnInference column = columns[i];
            ColumnType type = column.finalType();
            ColumnInference.Misfit misfit = type == column.sampledType() ? null : column.firstMisfit();
            java.util.Map<ColumnType, CsvProfile.ValueAt> firstNot = new java.util.EnumMap<>(ColumnType.class);
            for (ColumnType t : ColumnType.values()) {
                ColumnInference.Misfit m = column.firstNot(t);
                if (m != null) {
                    firstNot.put(t, new CsvProfile.ValueAt(m.line(), m.value()));
                }
            }
            result.add(new CsvProfile.Column(names.get(i), type, column.nulls() > 0, column.sampledType(),
                    misfit == null ? 0 : misfit.line(), misfit == null ? null : misfit.value(), firstNot));
        }
        return new CsvProfile(result, rows, maxRecordBytes);
    }

    private InvalidRequestException nulByte() {
        return reject("line " + line + ": NUL byte in the data (this does not look like a text CSV file)", line);
    }

    private static InvalidRequestException reject(String message, long line) {
        return new InvalidRequestException(message, Map.of("line", line));
    }
}
