package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.lakehouse.shared.error.InvalidRequestException;

/** Which requests the proxy takes and which it leaves to WebFlux; nothing here reaches an upstream. */
class ProxyHandlerTest {

    private final UpstreamClients clients = new UpstreamClients(() -> ConnectionProvider.create("test", 1), HttpClient::create);
    private final ProxyRoute catalog = new ProxyRoute("/catalog", new Upstream("catalogd", URI.create("http://127.0.0.1:9")),
            Duration.ofSeconds(1));
    private final List<String> toWebFlux = new ArrayList<>();
    private final List<Throwable> problems = new ArrayList<>();
    private final HttpHandler webFlux = (request, response) -> {
        toWebFlux.add(request.getURI().getRawPath());
        return Mono.empty();
    };

    @AfterEach
    void close() {
        clients.close();
    }

    private ProxyHandler handler(boolean admitted) {
        return new ProxyHandler(List.of(new ProxyHandler.Entry(catalog, new UpstreamExchange(catalog, clients))),
                request -> admitted, (response, error) -> {
                    problems.add(error);
                    return Mono.empty();
                }, webFlux);
    }

    @Test
    void pathsOutsideEveryRouteGoToWebFlux() {
        for (String path : List.of("/health", "/v1/health", "/v1/catalogx", "/catalog/list", "/console/app.js")) {
            handler(true).handle(MockServerHttpRequest.get(path).build(), new MockServerHttpResponse()).block();
        }
        assertThat(toWebFlux).containsExactly("/health", "/v1/health", "/v1/catalogx", "/catalog/list", "/console/app.js");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRequestTheAuthDoesNotAdmitGoesToWebFluxWhoseFiltersRefuseIt() {
        handler(false).handle(MockServerHttpRequest.get("/v1/catalog/list").build(), new MockServerHttpResponse()).block();
        assertThat(toWebFlux).containsExactly("/v1/catalog/list");
        assertThat(problems).isEmpty();
    }

    @Test
    void aDotSegmentOnARouteIsAProblemWrittenByTheProxy() {
        handler(true).handle(MockServerHttpRequest.method(HttpMethod.GET, URI.create("/v1/catalog/%2e%2e/storage/list")).build(),
                new MockServerHttpResponse()).block();
        assertThat(toWebFlux).isEmpty();
        assertThat(problems).singleElement().isInstanceOf(InvalidRequestException.class);
    }
}
