package com.lakehouse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.health.HealthState;

/** The stack-neutral beans come to both web stacks from one place; the servlet wiring only to servlets. */
class LakehouseServiceAutoConfigurationTest {

    private static final AutoConfigurations BOTH = AutoConfigurations.of(
            LakehouseServiceAutoConfiguration.class, LakehouseWebAutoConfiguration.class);

    @Test
    void aReactiveServiceGetsTheStackNeutralBeansAndNoServletWiring() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(BOTH)
                .withPropertyValues("lakehouse.service.name=gateway")
                .run(context -> {
                    assertStackNeutralBeansOnce(context);
                    assertThat(context.getBean(ServiceIdentity.class).name()).isEqualTo("gateway");
                    assertThat(context).doesNotHaveBean(RequestBodyLimit.class)
                            .doesNotHaveBean(ProblemAdvice.class)
                            .doesNotHaveBean(FilterRegistrationBean.class);
                });
    }

    @Test
    void aServletServiceGetsTheSameBeansOnceAndItsFilters() {
        new WebApplicationContextRunner()
                .withConfiguration(BOTH)
                .withPropertyValues("lakehouse.service.name=catalogd")
                .run(context -> {
                    assertStackNeutralBeansOnce(context);
                    assertThat(context).hasSingleBean(RequestBodyLimit.class)
                            .hasSingleBean(ProblemAdvice.class);
                    assertThat(context.getBeansOfType(FilterRegistrationBean.class)).hasSize(3);
                });
    }

    @Test
    void aServiceOwnStatusTableReplacesTheDefault() {
        ProblemStatusTable own = ProblemStatusTable.defaults();
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(BOTH)
                .withBean(ProblemStatusTable.class, () -> own)
                .run(context -> assertThat(context.getBean(ProblemStatusTable.class)).isSameAs(own));
    }

    private static void assertStackNeutralBeansOnce(ApplicationContextAssertProvider<?> context) {
        assertThat(context).hasNotFailed();
        assertThat(context).hasSingleBean(ServiceIdentity.class)
                .hasSingleBean(HealthState.class)
                .hasSingleBean(AuthPolicy.class)
                .hasSingleBean(ProblemStatusTable.class)
                .hasSingleBean(HealthController.class);
    }
}
