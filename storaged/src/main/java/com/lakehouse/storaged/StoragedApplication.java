package com.lakehouse.storaged;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of storaged (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoragedApplication {

    /**
     * Object bodies are opaque bytes: Spring's form filter would otherwise consume a PUT sent with
     * curl's default {@code application/x-www-form-urlencoded} type as form fields.
     */
    static final Map<String, Object> DEFAULTS = Map.of("spring.mvc.formcontent.filter.enabled", "false");

    public static void main(String[] args) {
        LakehouseApplication.run(LakehouseApplication.create(FleetService.STORAGED, StoragedApplication.class, DEFAULTS),
                FleetService.STORAGED.id(), args);
    }
}
