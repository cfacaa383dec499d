package com.lakehouse.shared.auth;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What happens to the body of a request that auth refuses (SPEC §2.3, issue 20): it is not read.
 * The refusal carries {@code Connection: close}; once it is written the connection is closed at
 * once, so the container does not drain the body either (Tomcat would otherwise read up to its
 * swallow size, 1 GiB at the gateway, before it closes). At most what arrived with the headers is
 * ever read: an unauthenticated caller cannot make a service read a large or endless body.
 *
 * <p>Tomcat has no servlet-API call for "close without draining"; this reaches its
 * {@code CLOSE_NOW} action through the response facade. On another container, or if that fails,
 * only the header is set and the container's own bound applies.
 */
public final class RefusedBody {

    private static final Log LOG = LogFactory.getLog(RefusedBody.class);
    private static final Closer CLOSER = Closer.find();

    private RefusedBody() {
    }

    /** True when the request declares a body: a positive Content-Length or any Transfer-Encoding. */
    public static boolean present(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Call before writing the refusal: the answer says the connection ends. */
    public static void announceClose(HttpServletResponse response) {
        response.setHeader("Connection", "close");
    }

    /** Call after the refusal is written and flushed: ends the connection without reading the body. */
    public static void closeWithoutDraining(ServletResponse response) {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        if (CLOSER != null) {
            CLOSER.close(inner);
        }
    }

    /** Tomcat's facade → catalina Response → coyote Response.action(CLOSE_NOW). */
    private record Closer(Class<?> facade, Field inner, Method coyote, Method action, Object closeNow) {

        static Closer find() {
            try {
                Class<?> facade = Class.forName("org.apache.catalina.connector.ResponseFacade");
                Field inner = facade.getDeclaredField("response");
                inner.setAccessible(true);
                Method coyote = Class.forName("org.apache.catalina.connector.Response").getMethod("getCoyoteResponse");
                Class<?> actionCode = Class.forName("org.apache.coyote.ActionCode");
                Method action = Class.forName("org.apache.coyote.Response").getMethod("action", actionCode, Object.class);
                Object closeNow = actionCode.getField("CLOSE_NOW").get(null);
                return new Closer(facade, inner, coyote, action, closeNow);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("auth: cannot close refused connections without draining (" + e.getClass().getSimpleName()
                        + "); the container's swallow bound applies");
                return null;
            }
        }

        void close(ServletResponse response) {
            if (!facade.isInstance(response)) {
                return;
            }
            try {
                action.invoke(coyote.invoke(inner.get(response)), closeNow, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("auth: close without draining failed", e);
            }
        }
    }
}
