package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

class S3CredentialSourceTest {

    @TempDir
    Path dir;

    @Test
    void environmentWins() throws Exception {
        Path secrets = writeSecrets("from-file", "file-secret");
        AwsBasicCredentials c = new S3CredentialSource(Map.of(S3CredentialSource.ACCESS_KEY_ENV, "env-key",
                S3CredentialSource.SECRET_KEY_ENV, "env-secret")::get, secrets).resolve();
        assertThat(c.accessKeyId()).isEqualTo("env-key");
        assertThat(c.secretAccessKey()).isEqualTo("env-secret");
    }

    @Test
    void secretsFileWhenTheEnvironmentHasNone() throws Exception {
        Path secrets = writeSecrets("from-file", "file-secret");
        AwsBasicCredentials c = new S3CredentialSource(Map.<String, String>of()::get, secrets).resolve();
        assertThat(c.accessKeyId()).isEqualTo("from-file");
        assertThat(c.secretAccessKey()).isEqualTo("file-secret");
    }

    @Test
    void halfAnEnvironmentPairFallsBackToTheFile() throws Exception {
        Path secrets = writeSecrets("from-file", "file-secret");
        AwsBasicCredentials c = new S3CredentialSource(Map.of(S3CredentialSource.ACCESS_KEY_ENV, "env-key")::get,
                secrets).resolve();
        assertThat(c.accessKeyId()).isEqualTo("from-file");
    }

    @Test
    void noSourceNamesWhatToSetWithoutPaths() {
        assertThatThrownBy(() -> new S3CredentialSource(Map.<String, String>of()::get, dir.resolve("absent.toml")).resolve())
                .hasMessageContaining("LH_S3_ACCESS_KEY_ID").hasMessageContaining("[s3].secrets_file")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void brokenFileNeverEchoesItsContent() throws Exception {
        Path secrets = dir.resolve("secrets.toml");
        Files.writeString(secrets, "[s3]\naccess_key_id = \"AKIA-LEAK\"\nsecret_access_key = supersecret-unquoted\n");
        assertThatThrownBy(() -> new S3CredentialSource(Map.<String, String>of()::get, secrets).resolve())
                .hasMessageContaining("line 3").hasMessageNotContaining("supersecret").hasMessageNotContaining("AKIA");
    }

    private Path writeSecrets(String key, String secret) throws Exception {
        Path file = dir.resolve("secrets.toml");
        Files.writeString(file, "[s3]\naccess_key_id = \"" + key + "\"\nsecret_access_key = \"" + secret + "\"\n");
        return file;
    }
}
