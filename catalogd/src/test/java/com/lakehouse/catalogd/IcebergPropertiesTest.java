package com.lakehouse.catalogd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.lakehouse.catalogd.iceberg.S3Settings;

class IcebergPropertiesTest {

    private static Binder binder(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }

    @Test
    void defaultsAndSnakeCaseKeys() {
        IcebergProperties defaults = binder(Map.of()).bindOrCreate("lakehouse.catalogd.iceberg", IcebergProperties.class);
        assertThat(defaults).isEqualTo(new IcebergProperties("lakehouse", ""));
        IcebergProperties set = binder(Map.of("lakehouse.catalogd.iceberg.namespace", "lake",
                "lakehouse.catalogd.iceberg.s3_endpoint", "http://s3.internal:9000"))
                .bindOrCreate("lakehouse.catalogd.iceberg", IcebergProperties.class);
        assertThat(set).isEqualTo(new IcebergProperties("lake", "http://s3.internal:9000"));
    }

    @Test
    void theS3SectionIsReadAsStoragedReadsIt() {
        S3Settings defaults = binder(Map.of()).bindOrCreate("lakehouse.s3", S3Settings.class);
        assertThat(defaults).isEqualTo(new S3Settings("http://127.0.0.1:3290", "us-east-1", "lakehouse-primary", true));
        S3Settings set = binder(Map.of("lakehouse.s3.bucket", "lake", "lakehouse.s3.path_style", "false"))
                .bindOrCreate("lakehouse.s3", S3Settings.class);
        assertThat(set.bucket()).isEqualTo("lake");
        assertThat(set.pathStyle()).isFalse();
    }

    @Test
    void aNamespaceThatIsNoNameIsRefused() {
        assertThatThrownBy(() -> binder(Map.of("lakehouse.catalogd.iceberg.namespace", "Lake House"))
                .bindOrCreate("lakehouse.catalogd.iceberg", IcebergProperties.class)).isInstanceOf(BindException.class);
    }
}
