package com.lakehouse.catalogd.iceberg;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.catalogd.CatalogdProperties;
import com.lakehouse.catalogd.IcebergProperties;
import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageClient;

/** The Iceberg view of the catalog: its metadata written through storaged, served under {@code /iceberg}. */
@Configuration(proxyBeanMethods = false)
class IcebergConfiguration {

    @Bean
    StoragedFileIO storagedFileIO(StorageClient storage, S3Settings s3) {
        return new StoragedFileIO(storage, new StorageLocations(s3.bucket()));
    }

    @Bean(destroyMethod = "close")
    ParquetFooters parquetFooters(ServiceClient storagedClient, CatalogdProperties properties) {
        return new ParquetFooters(storagedClient, Path.of(properties.dataDir(), "scratch", "footers"));
    }

    @Bean
    IcebergTables icebergTables(StoragedFileIO io, S3Settings s3, ParquetFooters footers) {
        return new IcebergTables(io, new StorageLocations(s3.bucket()), footers);
    }

    /**
     * The catalog's commit listener: each committed dataset's Iceberg metadata is written after the
     * register is acknowledged, in the background ({@link IcebergCatchUp}); loading a table writes
     * whatever is still missing first. A schema Iceberg cannot express stays out of the view.
     */
    @Bean(destroyMethod = "close")
    IcebergCatchUp icebergCatchUp(IcebergTables tables) {
        return new IcebergCatchUp(tables);
    }

    @Bean
    IcebergCatalogView icebergCatalogView(Catalog catalog, IcebergTables tables, IcebergProperties properties, S3Settings s3) {
        return new IcebergCatalogView(catalog, tables, properties, s3);
    }
}
