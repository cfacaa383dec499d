package com.lakehouse.observerd;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of observerd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ObserverdApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.OBSERVERD, ObserverdApplication.class, args);
    }
}
