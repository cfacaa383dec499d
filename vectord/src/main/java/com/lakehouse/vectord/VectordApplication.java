package com.lakehouse.vectord;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of vectord (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VectordApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.VECTORD, VectordApplication.class, args);
    }
}
