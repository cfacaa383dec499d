package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;

class ProxyTargetTest {

    private static final Upstream STORAGED = Upstream.parse("storaged", "storaged_url", "http://127.0.0.1:3211");
    private static final ProxyRoute STORAGE = new ProxyRoute("/storage", STORAGED, Duration.ofMinutes(30));

    @Test
    void stripsOnlyTheV1PrefixAndKeepsEncodedBytes() {
        URI target = ProxyTarget.resolve(STORAGE, "/v1/storage/object/a%20b%2Bc%23d%3F/%C3%A9", null);
        assertThat(target.toString()).isEqualTo("http://127.0.0.1:3211/storage/object/a%20b%2Bc%23d%3F/%C3%A9");
        assertThat(target.getRawPath()).isEqualTo("/storage/object/a%20b%2Bc%23d%3F/%C3%A9");
    }

    @Test
    void copiesTheQueryByteForByte() {
        URI target = ProxyTarget.resolve(STORAGE, "/v1/storage/list", "prefix=a%2Bb&x=c+d&flag&e=%C3%A9&k=1&k=2");
        assertThat(target.getRawQuery()).isEqualTo("prefix=a%2Bb&x=c+d&flag&e=%C3%A9&k=1&k=2");
    }

    @Test
    void anEmptyQueryStaysEmpty() {
        assertThat(ProxyTarget.resolve(STORAGE, "/v1/storage/list", "").toString())
                .isEqualTo("http://127.0.0.1:3211/storage/list?");
    }

    @Test
    void keepsTheUpstreamsSubPath() {
        ProxyRoute route = new ProxyRoute("/sql", Upstream.parse("queryd", "queryd_url", "http://h:9/api/"),
                Duration.ofSeconds(1));
        assertThat(ProxyTarget.resolve(route, "/v1/sql", "x=1").toString()).isEqualTo("http://h:9/api/sql?x=1");
        assertThat(ProxyTarget.resolve(route, "/v1/sql/tables", null).toString()).isEqualTo("http://h:9/api/sql/tables");
    }

    @Test
    void keepsEmptySegmentsAndTrailingSlashesForTheServiceToJudge() {
        assertThat(ProxyTarget.resolve(STORAGE, "/v1/storage/object/a//b/", null).getRawPath())
                .isEqualTo("/storage/object/a//b/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/storage/../catalog/list", "/v1/storage/%2e%2e/catalog/list", "/v1/storage/.%2E/x",
            "/v1/storage/./x", "/v1/storage/%2E/x", "/v1/storage/..;x=1/catalog", "/v1/storage/a/.."})
    void refusesDotSegments(String path) {
        assertThatThrownBy(() -> ProxyTarget.resolve(STORAGE, path, null)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1//storage/x", "/v1/storagex", "/storage/x", "/v1/catalog/list"})
    void refusesPathsTheRouteDoesNotCanonicallyOwn(String path) {
        assertThatThrownBy(() -> ProxyTarget.resolve(STORAGE, path, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("canonical");
    }

    @Test
    void dotsInsideASegmentAreOrdinaryCharacters() {
        assertThat(ProxyTarget.resolve(STORAGE, "/v1/storage/object/a..b/.hidden/...", null).getRawPath())
                .isEqualTo("/storage/object/a..b/.hidden/...");
    }
}
