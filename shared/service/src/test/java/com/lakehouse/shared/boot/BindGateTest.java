package com.lakehouse.shared.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindGateTest {

    private static final String VARIABLE = "LH_STORAGED_ALLOW_NONLOOPBACK";

    private final List<String> warnings = new ArrayList<>();
    private final NoOpLog log = new NoOpLog() {
        @Override
        public void warn(Object message) {
            warnings.add(String.valueOf(message));
        }
    };

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:3211", "127.9.9.9:3211", "[::1]:3211", "::1:3211", "localhost:3211", "127.0.0.1:0"})
    void loopbackAddressesPassWithoutOverrideOrToken(String bind) {
        BindGate gate = new BindGate(Map.<String, String>of()::get, log);

        assertThat(gate.check(FleetService.STORAGED, bind, false).isLoopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0:3211", "[::]:3211", ":3110", "10.0.0.1:3211", "example.com:3211", "",
            "garbage", "127.0.0.1", "127.0.0.1:http", "256.0.0.1:3211", "127.0.0.1:70000", "localhost.example.com:1"})
    void everythingElseRefusesAndNamesTheVariable(String bind) {
        BindGate gate = new BindGate(Map.<String, String>of()::get, log);

        assertThatThrownBy(() -> gate.check(FleetService.STORAGED, bind, true))
                .isInstanceOf(BindRefusedException.class)
                .hasMessageContaining(VARIABLE);
    }

    @Test
    void overrideWithExactlyOneAndATokenAllowsAndWarns() {
        BindGate gate = new BindGate(Map.of(VARIABLE, "1")::get, log);

        BindAddress address = gate.check(FleetService.STORAGED, "0.0.0.0:3211", true);

        assertThat(address.host()).isEqualTo("0.0.0.0");
        assertThat(address.port()).isEqualTo(3211);
        assertThat(warnings).singleElement().asString().contains(VARIABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "yes", "TRUE", "01", " 1", "1 ", "on"})
    void overrideValuesOtherThanExactlyOneRefuse(String value) {
        BindGate gate = new BindGate(Map.of(VARIABLE, value)::get, log);

        assertThatThrownBy(() -> gate.check(FleetService.STORAGED, "0.0.0.0:3211", true))
                .isInstanceOf(BindRefusedException.class)
                .hasMessageContaining(VARIABLE);
    }

    @Test
    void overrideWithoutATokenRefusesAndSaysTheTokenIsMissing() {
        BindGate gate = new BindGate(Map.of(VARIABLE, "1")::get, log);

        assertThatThrownBy(() -> gate.check(FleetService.STORAGED, "0.0.0.0:3211", false))
                .isInstanceOf(BindRefusedException.class)
                .hasMessageContaining(VARIABLE)
                .hasMessageContaining("token");
    }

    @Test
    void eachServiceNamesItsOwnVariable() {
        for (FleetService service : FleetService.values()) {
            BindGate gate = new BindGate(Map.<String, String>of()::get, log);
            assertThatThrownBy(() -> gate.check(service, "0.0.0.0:1", true))
                    .hasMessageContaining("LH_" + service.name() + "_ALLOW_NONLOOPBACK");
        }
    }
}
