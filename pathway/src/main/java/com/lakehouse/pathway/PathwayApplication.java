package com.lakehouse.pathway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of pathway (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PathwayApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.PATHWAY, PathwayApplication.class, args);
    }
}
