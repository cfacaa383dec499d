package com.lakehouse.catalogd;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of catalogd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogdApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.CATALOGD, CatalogdApplication.class, args);
    }
}
