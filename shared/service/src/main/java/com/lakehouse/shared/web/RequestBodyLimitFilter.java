package com.lakehouse.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies before they are parsed (SPEC §2): a declared Content-Length over the cap is
 * refused at once with 413; a chunked body is counted as it is read (stream and reader alike) and
 * fails with 413 when it passes the cap. The container's own body parsers, which would read past
 * this wrapper, are off or bounded for every service ({@code LakehouseApplication}: no servlet
 * multipart, form posts at most 64 KiB).
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestBodyLimit limit;

    public RequestBodyLimitFilter(RequestBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = limit.limitFor(request);
        if (cap == Long.MAX_VALUE) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            // The body stays unread: closing the connection lets the client see this answer
            // instead of a reset once Tomcat gives up swallowing a large body.
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE,
                    "request body of " + declared + " bytes exceeds the limit of " + cap + " bytes");
            return;
        }
        chain.doFilter(new CappedRequest(request, cap), response);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long cap;
        private ServletInputStream stream;
        private BufferedReader reader;

        CappedRequest(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), cap);
            }
            return stream;
        }

        /** The reader counts too: it reads through the capped stream, never the container's own. */
        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return reader;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long cap;
        private long seen;

        CountingStream(ServletInputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            seen += n;
            if (seen > cap) {
                throw new RequestBodyTooLargeException(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
