package com.lakehouse.gateway.console;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import com.lakehouse.shared.web.ProblemResponses;

/**
 * Serves the console's files (GET and HEAD on {@link ConsolePaths}) with {@link SecurityHeaders}.
 *
 * <p>It runs as a filter after the IP allowlist and before the bearer check, because the files are
 * open: they hold no data, and the page has to load before it can ask for the token that every
 * {@code /v1} call then carries. Spring's resource handler does the serving (path checks, content
 * types, ETag and Last-Modified revalidation, HEAD).
 */
class ConsoleFilter extends OncePerRequestFilter {

    private final Map<ConsolePaths.Source, ResourceHttpRequestHandler> handlers;

    ConsoleFilter(Map<ConsolePaths.Source, ResourceHttpRequestHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || ConsolePaths.resolve(pathOf(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsolePaths.Target target = ConsolePaths.resolve(pathOf(request));
        SecurityHeaders.apply(response);
        request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, target.file());
        try {
            handlers.get(target.source()).handleRequest(request, response);
        } catch (NoResourceFoundException e) {
            ProblemResponses.write(response, HttpStatus.NOT_FOUND, "no console file " + pathOf(request));
        }
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
