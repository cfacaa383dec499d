package com.lakehouse.shared.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.auth.BearerTokenFilter;
import com.lakehouse.shared.auth.IpAllowlistFilter;

/**
 * What every servlet service gets without wiring of its own, on top of
 * {@link LakehouseServiceAutoConfiguration}'s stack-neutral beans: the allowlist and bearer filters
 * (in that order), the body cap, and problem+json for every failure, the container's own included.
 */
// Before Boot's error page configuration, so ContainerErrorController replaces its BasicErrorController.
@AutoConfiguration(after = LakehouseServiceAutoConfiguration.class, before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemAdvice.class, ContainerErrorController.class})
public class LakehouseWebAutoConfiguration {

    /** Default body cap for services that do not declare their own {@link RequestBodyLimit}. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    @Bean
    @ConditionalOnMissingBean
    RequestBodyLimit requestBodyLimit(Environment environment, ServiceIdentity identity) {
        long cap = environment.getProperty("lakehouse." + identity.name() + ".max_body_bytes", Long.class,
                DEFAULT_MAX_BODY_BYTES);
        return request -> cap;
    }

    /**
     * {@code 100 Continue} only once the handler reads the body: a request the filters refuse (401,
     * 413 from its Content-Length) is answered before its body is sent. The gateway asks for it on
     * every large body it forwards, so a refusal reaches the caller at once.
     */
    @Bean
    TomcatConnectorCustomizer continueOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    @Bean
    FilterRegistrationBean<IpAllowlistFilter> ipAllowlistFilter(AuthPolicy policy) {
        FilterRegistrationBean<IpAllowlistFilter> registration = new FilterRegistrationBean<>(new IpAllowlistFilter(policy));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(AuthPolicy policy) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(policy));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyLimit limit) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
