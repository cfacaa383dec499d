package com.lakehouse.storaged.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Where S3 credentials come from (SPEC §2.1): {@code LH_S3_ACCESS_KEY_ID} and
 * {@code LH_S3_SECRET_ACCESS_KEY} in the environment, else the {@code [s3]} section of the secrets
 * file. Never lakehouse.toml, and no message here ever contains a credential or the file's path.
 */
public final class S3CredentialSource {

    static final String ACCESS_KEY_ENV = "LH_S3_ACCESS_KEY_ID";
    static final String SECRET_KEY_ENV = "LH_S3_SECRET_ACCESS_KEY";

    private final UnaryOperator<String> environment;
    private final Path secretsFile;

    public S3CredentialSource(UnaryOperator<String> environment, Path secretsFile) {
        this.environment = environment;
        this.secretsFile = secretsFile;
    }

    /** The credentials, or an exception that says which sources were tried. */
    public AwsBasicCredentials resolve() {
        return fromEnvironment().or(this::fromSecretsFile).orElseThrow(() -> new IllegalStateException(
                "no S3 credentials: set " + ACCESS_KEY_ENV + " and " + SECRET_KEY_ENV
                        + ", or put access_key_id and secret_access_key under [s3] in the file named by [s3].secrets_file"));
    }

    private Optional<AwsBasicCredentials> fromEnvironment() {
        return pair(environment.apply(ACCESS_KEY_ENV), environment.apply(SECRET_KEY_ENV));
    }

    private Optional<AwsBasicCredentials> fromSecretsFile() {
        if (secretsFile == null || !Files.isRegularFile(secretsFile)) {
            return Optional.empty();
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(Files.readString(secretsFile));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the S3 secrets file ([s3].secrets_file): " + e.getClass().getSimpleName());
        }
        if (toml.hasErrors()) {
            // The parser's message may quote the offending line, which could hold a secret: give the line number only.
            throw new IllegalStateException("the S3 secrets file ([s3].secrets_file) does not parse at line "
                    + toml.errors().getFirst().position().line());
        }
        return pair(toml.getString("s3.access_key_id"), toml.getString("s3.secret_access_key"));
    }

    private static Optional<AwsBasicCredentials> pair(String accessKey, String secretKey) {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(AwsBasicCredentials.create(accessKey.strip(), secretKey.strip()));
    }
}
