package com.lakehouse.shared.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.lakehouse.shared.web.ProblemResponses;

/**
 * SPEC §2.3 bearer check. The whole Authorization header is compared with each accepted
 * {@code Bearer <token>} value through SHA-256 digests and {@link MessageDigest#isEqual}, so the
 * time taken says nothing about how much of a guess was right, nor about the token's length. Every
 * accepted token is checked on each request (no early exit) for the same reason. A refused
 * request's body is never read ({@link RefusedBody}).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final List<byte[]> acceptedDigests;

    public BearerTokenFilter(AuthPolicy policy) {
        List<byte[]> digests = new ArrayList<>();
        for (String token : policy.acceptedTokens()) {
            digests.add(sha256("Bearer " + token));
        }
        this.acceptedDigests = List.copyOf(digests);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return acceptedDigests.isEmpty() || OpenPaths.isOpen(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        byte[] presented = sha256(header == null ? "" : header);
        int matched = -1;
        for (int i = 0; i < acceptedDigests.size(); i++) {
            if (MessageDigest.isEqual(presented, acceptedDigests.get(i)) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            boolean body = RefusedBody.present(request);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            if (body) {
                RefusedBody.announceClose(response);
            }
            String detail = header == null ? "missing Authorization header; send 'Authorization: Bearer <token>'"
                    : "invalid bearer token";
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, detail);
            if (body) {
                RefusedBody.closeWithoutDraining(response);
            }
            return;
        }
        request.setAttribute(RequestActor.ATTRIBUTE, matched == 0 ? "token:primary" : "token:secondary-" + matched);
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
