package com.lakehouse.shared.auth;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.lakehouse.shared.web.ProblemResponses;

/**
 * SPEC §2.3 bearer check on a servlet stack, through {@link BearerTokens}. The whole Authorization header is compared with each accepted
 * {@code Bearer <token>} value through SHA-256 digests and {@link MessageDigest#isEqual}, so the
 * time taken says nothing about how much of a guess was right, nor about the token's length. Every
 * accepted token is checked on each request (no early exit) for the same reason. A refused
 * request's body is never read ({@link RefusedBody}).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerTokens tokens;

    public BearerTokenFilter(AuthPolicy policy) {
        this.tokens = new BearerTokens(policy);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !tokens.required() || OpenPaths.isOpen(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> actor = tokens.actorOf(header);
        if (actor.isEmpty()) {
            boolean body = RefusedBody.present(request);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            if (body) {
                RefusedBody.announceClose(response);
            }
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, BearerTokens.refusal(header));
            if (body) {
                RefusedBody.closeWithoutDraining(response);
            }
            return;
        }
        request.setAttribute(RequestActor.ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }
}
