package com.lakehouse.storaged;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of storaged (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoragedApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.STORAGED, StoragedApplication.class, args);
    }
}
