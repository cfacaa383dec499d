package com.lakehouse.shared.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's own error page as problem+json. A failure raised below Spring MVC (a request body
 * that stopped arriving: 408; a status set with {@code sendError}) is forwarded here by the servlet
 * container; Spring Boot's default page would answer it in another JSON shape. Its detail is only
 * the status's reason: what the container knew is not for the caller (no paths, no exceptions).
 */
@RestController
class ContainerErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status == HttpStatus.REQUEST_TIMEOUT
                ? "the request body stopped arriving before it was complete"
                : status.getReasonPhrase();
        ProblemResponses.write(response, status, detail);
    }
}
