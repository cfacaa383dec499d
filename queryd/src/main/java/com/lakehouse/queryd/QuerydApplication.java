package com.lakehouse.queryd;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of queryd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerydApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.QUERYD, QuerydApplication.class, args);
    }
}
