package com.lakehouse.queryd;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of queryd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerydApplication {

    public static void main(String[] args) {
        // SPEC §6 caps /sql bodies at 64 KiB; the RequestBodyLimit bean enforces it from QuerydProperties,
        // and the shared default property is set too so both agree.
        LakehouseApplication.run(LakehouseApplication.create(FleetService.QUERYD, QuerydApplication.class,
                Map.of("lakehouse.queryd.max_body_bytes", "65536")), FleetService.QUERYD.id(), args);
    }
}
