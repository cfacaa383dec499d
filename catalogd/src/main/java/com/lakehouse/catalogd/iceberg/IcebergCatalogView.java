package com.lakehouse.catalogd.iceberg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.responses.LoadTableResponse;

import com.lakehouse.catalogd.IcebergProperties;
import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.error.NotFoundException;

/**
 * The Lakehouse catalog seen as one Iceberg namespace: every dataset is a table of the same name,
 * whose metadata is the one {@link IcebergTables} writes (and rebuilds when it is missing). The
 * catalog stays the only source of truth: a deleted dataset is no table, whatever files remain.
 */
public final class IcebergCatalogView {

    private final Catalog catalog;
    private final IcebergTables tables;
    private final Namespace namespace;
    private final Map<String, String> engineConfig;

    public IcebergCatalogView(Catalog catalog, IcebergTables tables, IcebergProperties properties, S3Settings s3) {
        this.catalog = catalog;
        this.tables = tables;
        this.namespace = Namespace.of(properties.namespace());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("s3.endpoint", properties.s3Endpoint().isEmpty() ? s3.endpoint() : properties.s3Endpoint());
        config.put("s3.path-style-access", Boolean.toString(s3.pathStyle()));
        config.put("client.region", s3.region());
        this.engineConfig = Map.copyOf(config);
    }

    public Namespace namespace() {
        return namespace;
    }

    /** The namespace named by these levels, or {@link NoSuchNamespaceException}. */
    public Namespace requireNamespace(Namespace requested) {
        if (!namespace.equals(requested)) {
            throw new NoSuchNamespaceException("Namespace does not exist: %s", requested);
        }
        return namespace;
    }

    public List<TableIdentifier> tables(Namespace requested) {
        requireNamespace(requested);
        return catalog.list().datasets().stream().filter(m -> IcebergSchemas.representable(m.schema()))
                .map(m -> TableIdentifier.of(namespace, m.name())).toList();
    }

    public boolean exists(Namespace requested, String table) {
        requireNamespace(requested);
        if (!DatasetNames.isValid(table)) {
            return false;
        }
        try {
            catalog.manifest(table);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The table's current metadata and the S3 settings an engine needs to read its files. */
    public LoadTableResponse load(Namespace requested, String table) {
        requireNamespace(requested);
        List<DatasetManifest> history;
        try {
            if (!DatasetNames.isValid(table)) {
                throw new NotFoundException(table);
            }
            history = catalog.versions(table).versions();
        } catch (NotFoundException e) {
            throw new NoSuchTableException("Table does not exist: %s", TableIdentifier.of(namespace, table));
        }
        return LoadTableResponse.builder().withTableMetadata(tables.write(history)).addAllConfig(engineConfig).build();
    }
}
