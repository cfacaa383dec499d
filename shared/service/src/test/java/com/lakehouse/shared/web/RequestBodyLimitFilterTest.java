package com.lakehouse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(request -> 16);

    private static MockHttpServletRequest chunked(String body) {
        // No Content-Length, as a chunked body arrives.
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/echo") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    private ServletRequest passed(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> seen.set(req));
        return seen.get();
    }

    @Test
    void aDeclaredLengthOverTheCapIs413WithoutReadingAndCloses() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/echo");
        request.setContent(new byte[17]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(passed(request, response)).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentAsString()).contains("17 bytes").contains("16 bytes");
    }

    @Test
    void aBodyWithinTheCapReadsWhole() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServletRequest request = passed(chunked("0123456789abcdef"), response);

        assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789abcdef");
    }

    @Test
    void aChunkedStreamFailsAtTheCap() throws Exception {
        ServletRequest request = passed(chunked("x".repeat(17)), new MockHttpServletResponse());

        assertThatThrownBy(() -> request.getInputStream().readAllBytes())
                .isInstanceOf(RequestBodyTooLargeException.class).hasMessageContaining("16 bytes");
    }

    @Test
    void byteByByteReadsFailAtTheCapToo() throws Exception {
        ServletRequest request = passed(chunked("x".repeat(40)), new MockHttpServletResponse());
        var in = request.getInputStream();
        for (int i = 0; i < 16; i++) {
            assertThat(in.read()).isEqualTo('x');
        }
        assertThatThrownBy(in::read).isInstanceOf(RequestBodyTooLargeException.class);
        assertThatThrownBy(in::read).as("the refusal sticks").isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void theReaderIsCappedAsWell() throws Exception {
        ServletRequest request = passed(chunked("y".repeat(100)), new MockHttpServletResponse());

        assertThatThrownBy(() -> {
            char[] buffer = new char[8];
            while (request.getReader().read(buffer) >= 0) {
                // keep reading
            }
        }).isInstanceOf(IOException.class).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void anUncappedRouteIsLeftAlone() throws Exception {
        RequestBodyLimitFilter open = new RequestBodyLimitFilter(request -> Long.MAX_VALUE);
        MockHttpServletRequest request = chunked("z".repeat(100));
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        open.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));

        assertThat(seen.get()).isSameAs(request);
    }
}
