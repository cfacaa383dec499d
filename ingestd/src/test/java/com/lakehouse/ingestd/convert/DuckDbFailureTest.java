package com.lakehouse.ingestd.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.error.UnprocessableException;

class DuckDbFailureTest {

    private static final Path CSV = Path.of("/srv/data/ingestd/work/123/upload.csv");

    @Test
    void readsColumnLineAndValueOfAConversionError() {
        String message = "Conversion Error: CSV Error on Line: 4\nOriginal Line: 99999999999999999999,z\n"
                + "Error when converting column \"a\". Could not convert string \"99999999999999999999\" to 'BIGINT'\n\n  file = "
                + CSV.toAbsolutePath();
        DuckDbFailure failure = DuckDbFailure.parse(message, CSV);
        assertThat(failure.isConversion()).isTrue();
        assertThat(failure.line()).isEqualTo(4);
        assertThat(failure.column()).isEqualTo("a");
        assertThat(failure.value()).isEqualTo("99999999999999999999");
        CsvProfile profile = new CsvProfile(List.of(
                new CsvProfile.Column("b", ColumnType.VARCHAR, false, ColumnType.VARCHAR, 0, null),
                new CsvProfile.Column("a", ColumnType.BIGINT, false, ColumnType.BIGINT, 0, null)), 3, 10);
        assertThat(failure.columnIndex(profile)).isEqualTo(1);
        UnprocessableException error = failure.toException();
        assertThat(error.getMessage()).isEqualTo("line 4: the value \"99999999999999999999\" of column 'a' does not convert to BIGINT");
        assertThat(error.details()).containsEntry("line", 4L).containsEntry("column", "a");
    }

    @Test
    void otherErrorsKeepTheirFirstLineWithoutThePath() {
        DuckDbFailure failure = DuckDbFailure.parse("Invalid Input Error: CSV Error on Line: 2 in " + CSV
                + "\nOriginal Line: 1,2,3\nExpected Number of Columns: 2 Found: 3", CSV);
        assertThat(failure.isConversion()).isFalse();
        assertThat(failure.toException().getMessage())
                .isEqualTo("DuckDB cannot read the file: Invalid Input Error: CSV Error on Line: 2 in <upload>")
                .doesNotContain("/srv");
    }
}
