package com.lakehouse.embedd;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of embedd (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmbeddApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.EMBEDD, EmbeddApplication.class, args);
    }
}
