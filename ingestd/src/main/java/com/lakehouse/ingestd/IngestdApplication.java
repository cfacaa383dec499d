package com.lakehouse.ingestd;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of ingestd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestdApplication {

    /**
     * Spring's multipart support is off: it would buffer or spool the upload before the controller
     * runs, while ingestd parses the body as a stream and checks the CSV as it arrives.
     */
    static final Map<String, Object> DEFAULTS = Map.of("spring.servlet.multipart.enabled", "false");

    public static void main(String[] args) {
        LakehouseApplication.run(application(), FleetService.INGESTD.id(), args);
    }

    static SpringApplication application() {
        return LakehouseApplication.create(FleetService.INGESTD, IngestdApplication.class, DEFAULTS);
    }
}
