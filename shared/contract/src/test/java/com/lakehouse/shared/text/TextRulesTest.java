package com.lakehouse.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void hostPathsBecomeThePlaceholder() {
        Path dir = Path.of("/srv/lake/data");
        assertThat(HostPaths.redact("cannot open /srv/lake/data/x.parquet", dir, "<data_dir>"))
                .isEqualTo("cannot open <data_dir>/x.parquet");
        assertThat(HostPaths.redact("cannot open /srv/lake/data/x", Path.of("/srv/lake/tmp/../data"), "<data_dir>"))
                .isEqualTo("cannot open <data_dir>/x");
        assertThat(HostPaths.redact(null, dir, "<data_dir>")).isEmpty();
    }

    @Test
    void sizesAreANumberAndAUnit() {
        assertThat(Sizes.isSize("512MB")).isTrue();
        assertThat(Sizes.isSize(" 1GiB ")).isTrue();
        assertThat(Sizes.isSize("1.5gb")).isTrue();
        assertThat(Sizes.isSize("1024")).isTrue();
        assertThat(Sizes.isSize("512MB'; SET x=1; --")).isFalse();
        assertThat(Sizes.isSize("MB")).isFalse();
        assertThat(Sizes.isSize(null)).isFalse();
    }

    @Test
    void durationsReadAsConfigWritesThem() {
        assertThat(Durations.describe(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
