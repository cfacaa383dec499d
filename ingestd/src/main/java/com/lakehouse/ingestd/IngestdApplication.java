package com.lakehouse.ingestd;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of ingestd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestdApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.INGESTD, IngestdApplication.class, args);
    }
}
