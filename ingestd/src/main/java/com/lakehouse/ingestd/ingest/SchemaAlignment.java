package com.lakehouse.ingestd.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.error.ConflictException;

/**
 * Reads a file into an existing dataset against that dataset's schema, so routine appends and
 * replaces do not trip over what the file alone would infer: integers into a DOUBLE column, an
 * all-empty column (inferred VARCHAR) into any type, anything into VARCHAR. Whether every value
 * fits is then DuckDB's cast during the conversion ({@code convertExactly}); a value that does not
 * is a 409 naming column, line and value. Another set of columns is a 409 naming the first column
 * that differs.
 */
final class SchemaAlignment {

    private SchemaAlignment() {
    }

    /**
     * The profile with the existing dataset's types, when they differ from the file's; empty when
     * the file's own types already are the dataset's, or when the dataset has a type ingestd does
     * not write (then catalogd's fingerprint check answers as before).
     *
     * @throws ConflictException the file's columns are not the dataset's (names, order or count)
     */
    static Optional<CsvProfile> toExisting(String dataset, CsvProfile profile, List<SchemaColumn> existing) {
        List<CsvProfile.Column> columns = profile.columns();
        int shared = Math.min(columns.size(), existing.size());
        for (int i = 0; i <= shared; i++) {
            String inFile = i < columns.size() ? columns.get(i).name() : null;
            String inDataset = i < existing.size() ? existing.get(i).name() : null;
            if (inFile == null && inDataset == null) {
                break;
            }
            if (inFile == null || !inFile.equals(inDataset)) {
                throw otherColumns(dataset, i, inFile, inDataset);
            }
        }
        CsvProfile aligned = profile;
        for (int i = 0; i < columns.size(); i++) {
            String wanted = existing.get(i).type();
            if (!columns.get(i).type().name().equals(wanted)) {
                Optional<ColumnType> type = typeNamed(wanted);
                if (type.isEmpty()) {
                    return Optional.empty();
                }
                requireFits(dataset, columns.get(i), type.get());
                aligned = aligned.withType(i, type.get());
            }
        }
        return aligned == profile ? Optional.empty() : Optional.of(aligned);
    }

    /**
     * Refuses, with the value's line, a column the scan saw a value in that is not of the dataset's
     * type. This runs before DuckDB, whose casts are looser than the grammar of SPEC §5 ('1.5'
     * would become the BIGINT 2): DuckDB's strict conversion then only meets columns the scan
     * could not judge.
     */
    private static void requireFits(String dataset, CsvProfile.Column column, ColumnType wanted) {
        ColumnType own = column.type();
        boolean widening = wanted == ColumnType.VARCHAR
                || (own == ColumnType.BIGINT && wanted == ColumnType.DOUBLE)
                || (own == ColumnType.DATE && wanted == ColumnType.TIMESTAMP);
        CsvProfile.ValueAt misfit = column.firstNotOf().get(wanted);
        if (widening || misfit == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("column", column.name());
        details.put("line", misfit.line());
        details.put("value", misfit.value());
        details.put("type", wanted.name());
        throw new ConflictException("line " + misfit.line() + ": the value \"" + misfit.value() + "\" of column '"
                + column.name() + "' does not fit dataset '" + dataset + "''s type " + wanted.name(), details);
    }

    private static ConflictException otherColumns(String dataset, int index, String inFile, String inDataset) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("column", inFile != null ? inFile : inDataset);
        details.put("position", index + 1);
        String message = inFile == null
                ? "dataset '" + dataset + "' has a column '" + inDataset + "' (column " + (index + 1) + ") that the file lacks"
                : inDataset == null
                        ? "the file's column '" + inFile + "' (column " + (index + 1) + ") is not in dataset '" + dataset + "'"
                        : "column " + (index + 1) + " is '" + inFile + "' in the file but '" + inDataset + "' in dataset '"
                                + dataset + "'";
        return new ConflictException(message + "; another set of columns needs another dataset name", details);
    }

    private static Optional<ColumnType> typeNamed(String name) {
        for (ColumnType type : ColumnType.values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
