package com.lakehouse.pathway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of pathway (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PathwayApplication {

    public static void main(String[] args) {
        SpringApplication application = LakehouseApplication.create(FleetService.PATHWAY, PathwayApplication.class);
        application.addInitializers(new SnapshotReadAheadInitializer());
        LakehouseApplication.run(application, FleetService.PATHWAY.id(), args);
    }
}
