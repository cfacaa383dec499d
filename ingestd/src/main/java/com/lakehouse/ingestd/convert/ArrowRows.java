package com.lakehouse.ingestd.convert;

import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import com.lakehouse.ingestd.csv.ColumnType;

/**
 * Raw CSV values made into Arrow columns of the scan's types: the form in which DuckDB takes the
 * rows without parsing the CSV again. Each column is the Arrow type DuckDB reads as the SQL type
 * its CSV reader would give (Int64 BIGINT, Float64 DOUBLE, Bool BOOLEAN, Date32 DATE, Timestamp(µs)
 * TIMESTAMP, Utf8 VARCHAR), all nullable, as CSV columns are.
 */
final class ArrowRows {

    private ArrowRows() {
    }

    static Schema schema(List<String> names, List<ColumnType> types) {
        List<Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            fields.add(new Field(names.get(i), FieldType.nullable(arrowType(types.get(i))), null));
        }
        return new Schema(fields);
    }

    private static ArrowType arrowType(ColumnType type) {
        return switch (type) {
            case BIGINT -> new ArrowType.Int(64, true);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case VARCHAR -> ArrowType.Utf8.INSTANCE;
        };
    }

    /**
     * Replaces the root's columns with the block's rows, in fresh buffers sized for them (the
     * previous batch's buffers stay with whoever still holds them). Typed columns only ever hold
     * values of their type's grammar, which the scan checked.
     */
    static void fill(VectorSchemaRoot root, List<ColumnType> types, RowBlock block) {
        int rows = block.rows();
        int columns = types.size();
        root.clear();
        for (int c = 0; c < columns; c++) {
            FieldVector vector = root.getVector(c);
            if (vector instanceof VarCharVector text) {
                text.allocateNew(Math.max(1, block.columnBytes(c)), rows);
            } else {
                ((BaseFixedWidthVector) vector).allocateNew(rows);
            }
        }
        byte[] data = block.data();
        for (int c = 0; c < columns; c++) {
            FieldVector vector = root.getVector(c);
            ColumnType type = types.get(c);
            for (int r = 0, v = c; r < rows; r++, v += columns) {
                int length = block.length(v);
                if (length < 0) {
                    continue; // fresh buffers start all-null; setValueCount fills a text column's offsets
                }
                int start = block.start(v);
                switch (type) {
                    case BIGINT -> ((BigIntVector) vector).set(r, TypedValues.parseLong(data, start, length));
                    case DOUBLE -> ((Float8Vector) vector).set(r, TypedValues.parseDouble(data, start, length));
                    case BOOLEAN -> ((BitVector) vector).set(r, TypedValues.parseBoolean(data, start) ? 1 : 0);
                    case DATE -> ((DateDayVector) vector).set(r, TypedValues.parseDateDays(data, start));
                    case TIMESTAMP -> ((TimeStampMicroVector) vector).set(r, TypedValues.parseTimestampMicros(data, start, length));
                    case VARCHAR -> ((VarCharVector) vector).setSafe(r, data, start, length);
                }
            }
            vector.setValueCount(rows);
        }
        root.setRowCount(rows);
    }
}
