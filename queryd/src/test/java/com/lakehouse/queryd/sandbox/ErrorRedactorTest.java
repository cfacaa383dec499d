package com.lakehouse.queryd.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ErrorRedactorTest {

    private final ErrorRedactor redactor = new ErrorRedactor(List.of(
            new ErrorRedactor.Replacement("/srv/lake/data/queryd/cache", "<cache>"),
            new ErrorRedactor.Replacement("/srv/lake/data/queryd", "<data_dir>")), List.of("s3cr3t-token"));

    @Test
    void knownDirectoriesBecomePlaceholders() {
        assertThat(redactor.redact("IO Error: No files found that match the pattern \"/srv/lake/data/queryd/cache/ab.parquet\""))
                .isEqualTo("IO Error: No files found that match the pattern \"<cache>/ab.parquet\"");
        assertThat(redactor.redact("cannot open /srv/lake/data/queryd/tmp/x")).isEqualTo("cannot open <data_dir>/tmp/x");
    }

    @Test
    void otherAbsolutePathsAreHidden() {
        assertThat(redactor.redact("Cannot access file \"/etc/passwd\" - disabled")).isEqualTo("Cannot access file \"<path>\" - disabled");
        assertThat(redactor.redact("read_text('file:///home/u/.ssh/id_rsa')")).isEqualTo("read_text('<path>')");
        assertThat(redactor.redact("at C:\\Users\\me\\x.csv")).isEqualTo("at <path>");
    }

    @Test
    void credentialsAreMasked() {
        assertThat(redactor.redact("KEY_ID 'AKIAXXXX', SECRET 'abc'")).doesNotContain("AKIAXXXX").doesNotContain("'abc'");
        assertThat(redactor.redact("secret=hunter2 and password: pw1")).doesNotContain("hunter2").doesNotContain("pw1");
        assertThat(redactor.redact("Authorization: Bearer abc.def")).doesNotContain("abc.def");
        assertThat(redactor.redact("token s3cr3t-token leaked")).doesNotContain("s3cr3t-token");
    }

    @Test
    void ordinaryMessagesAreUntouched() {
        String message = "Binder Error: Referenced column \"token\" not found\n\nLINE 1: select token from t";
        assertThat(redactor.redact(message)).isEqualTo(message);
        assertThat(redactor.redact(null)).isEmpty();
    }
}
