package com.lakehouse.ingestd.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;

class CopyStatementTest {

    @Test
    void pinsEveryReaderOptionAndQuotesNamesAsLiterals() {
        CsvProfile profile = new CsvProfile(List.of(
                new CsvProfile.Column("it's", ColumnType.BIGINT, false, ColumnType.BIGINT, 0, null),
                new CsvProfile.Column("x'); DROP TABLE t; --", ColumnType.VARCHAR, true, ColumnType.VARCHAR, 0, null)), 1, 10);
        String sql = CopyStatement.of(Path.of("/d/in.csv"), profile, Path.of("/d/o'ut.parquet"), 2097152, 24576);
        assertThat(sql).isEqualTo("COPY (SELECT * FROM read_csv('/d/in.csv', header = true, auto_detect = false, delim = ',', "
                + "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, max_line_size = 2097152, "
                + "columns = {'it''s': 'BIGINT', 'x''); DROP TABLE t; --': 'VARCHAR'})) TO '/d/o''ut.parquet' "
                + "(FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 24576)");
    }
}
