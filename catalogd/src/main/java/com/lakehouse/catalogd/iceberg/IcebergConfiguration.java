package com.lakehouse.catalogd.iceberg;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.catalogd.CatalogdProperties;
import com.lakehouse.catalogd.IcebergProperties;
import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.catalogd.catalog.RegisterHook;
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
    PrefetchedFooters prefetchedFooters(ParquetFooters footers) {
        return new PrefetchedFooters(footers);
    }

    @Bean
    IcebergTables icebergTables(StoragedFileIO io, S3Settings s3, PrefetchedFooters footers) {
        return new IcebergTables(io, new StorageLocations(s3.bucket()), footers);
    }

    /**
     * Every acknowledged version has its Iceberg metadata (the hook runs before the catalog
     * persists). A schema Iceberg cannot express is no reason to refuse a register: such a dataset
     * stays out of the Iceberg view. Nor is a long history without metadata (a catalog older than
     * the Iceberg view): loading the table rebuilds it, outside the catalog's lock.
     */
    @Bean
    RegisterHook icebergRegisterHook(IcebergTables tables, PrefetchedFooters footers) {
        return new IcebergRegisterHook(tables, footers);
    }

    @Bean
    IcebergCatalogView icebergCatalogView(Catalog catalog, IcebergTables tables, IcebergProperties properties, S3Settings s3) {
        return new IcebergCatalogView(catalog, tables, properties, s3);
    }
}
