package com.lakehouse.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePathsTest {

    @Test
    void theRootIsTheConsolePage() {
        assertThat(ConsolePaths.resolve("/")).isEqualTo(new ConsolePaths.Target(ConsolePaths.Source.CONSOLE, "index.html"));
    }

    @Test
    void consoleFilesAndUplotHaveTheirOwnPrefixes() {
        assertThat(ConsolePaths.resolve("/console/pages/sql.js"))
                .isEqualTo(new ConsolePaths.Target(ConsolePaths.Source.CONSOLE, "pages/sql.js"));
        assertThat(ConsolePaths.resolve("/console/vendor/uplot/uPlot.esm.js"))
                .isEqualTo(new ConsolePaths.Target(ConsolePaths.Source.UPLOT, "uPlot.esm.js"));
    }

    @Test
    void nothingElseIsTheConsoles() {
        for (String path : new String[] {"", "/index.html", "/console", "/console/", "/console/vendor/uplot/",
                "/webjars/uplot/1.6.30/dist/uPlot.esm.js", "/v1/health", "/health", "/favicon.ico", "/consolex/a.js"}) {
            assertThat(ConsolePaths.resolve(path)).as(path).isNull();
        }
    }
}
