package com.lakehouse.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HostPathsTest {

    @Test
    void theLongestRegisteredDirectoryWinsAndTheRootIsNeverRegistered() {
        Map<Path, String> dirs = new LinkedHashMap<>();
        dirs.put(Path.of("/"), "<root>");
        dirs.put(Path.of("/srv/lake/data/queryd"), "<data_dir>");
        dirs.put(Path.of("/srv/lake/data/queryd/cache"), "<cache>");
        dirs.put(Path.of("/srv/lake/data/queryd/../queryd/tmp"), "<tmp>");
        HostPaths.Redaction redaction = HostPaths.of(dirs);
        assertThat(redaction.redact("read /srv/lake/data/queryd/cache/a.parquet and /srv/lake/data/queryd/x"))
                .isEqualTo("read <cache>/a.parquet and <data_dir>/x");
        assertThat(redaction.redact("spill to /srv/lake/data/queryd/tmp")).isEqualTo("spill to <tmp>");
        String untouched = "a/b /etc/passwd";
        assertThat(redaction.redact(untouched)).isSameAs(untouched);
        assertThat(redaction.redact(null)).isNull();
    }
}
