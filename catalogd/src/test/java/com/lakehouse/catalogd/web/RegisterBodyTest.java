package com.lakehouse.catalogd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.lakehouse.catalogd.catalog.RegisterLimits;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.web.RequestBodyTooLargeException;

/** The register body: counted before it is bound, malformed JSON a 400. */
class RegisterBodyTest {

    private final RegisterBody body = new RegisterBody(new RegisterLimits(3, 255, 2, 1024, 128));

    private RegisterRequest read(String json) {
        return body.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bindsAWellFormedBody() {
        RegisterRequest request = read("""
                {"name":"orders","schema":[{"name":"id","type":"BIGINT","nullable":false}],
                 "objects":[{"key":"k","size":1,"etag":"e","row_count":1}],"mode":"append","unknown":{"x":[1,2,3]}}""");
        assertThat(request.name()).isEqualTo("orders");
        assertThat(request.schema()).hasSize(1);
        assertThat(request.objects()).hasSize(1);
        assertThat(request.mode()).isEqualTo("append");
    }

    @Test
    void tooManyObjectsIs413BeforeAnyObjectIsBound() {
        // the objects are not even objects: the count is refused before binding would fail on them
        assertThatThrownBy(() -> read("{\"name\":\"orders\",\"objects\":[1,2,3]}"))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("max_objects");
        assertThatThrownBy(() -> read("{\"objects\":[{},{},{},{}], \"name\": 5}"))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void tooManyColumnsIs422BeforeBinding() {
        assertThatThrownBy(() -> read("{\"schema\":[1,2,3,4]}"))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("max_columns");
    }

    @Test
    void malformedOrEmptyBodiesAre400() {
        for (String bad : new String[] {"{not json", "[1,2]", "null", "{\"objects\":[{\"size\":\"big\"}]}",
                "{\"name\":\"a\",\"objects\":[", ""}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void aBodyPastTheCapIs413() {
        InputStream capped = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new RequestBodyTooLargeException(16);
            }
        };
        assertThatThrownBy(() -> body.read(capped)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("max_body_bytes");
    }
}
