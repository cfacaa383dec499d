package com.lakehouse.queryd.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.queryd.engine.DuckDbEngine;
import com.lakehouse.queryd.engine.EngineSettings;
import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.ManifestVersions;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.storage.StorageClient;

/** Issue 20: a catalog type that is SQL of its own gets no view, is counted once, and dataset() of it is 422. */
class DatasetViewsTest {

    private static final String HOSTILE = "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER";

    @TempDir
    Path dir;

    private DuckDbEngine engine;
    private final CatalogClient catalog = mock(CatalogClient.class);
    private final HealthState health = new HealthState();
    private DatasetViews views;

    @BeforeEach
    void open() {
        engine = DuckDbEngine.open(new EngineSettings(dir.resolve("cache"), dir.resolve("tmp"), "128MB", 1, "1GiB"));
        ParquetCache cache = new ParquetCache(dir.resolve("cache"), 1 << 20, mock(StorageClient.class), Clock.systemUTC());
        views = new DatasetViews(catalog, cache, engine, new ViewGenerations(), new ErrorRedactor(List.of(), List.of()), health);
    }

    @AfterEach
    void close() throws SQLException {
        engine.close();
    }

    private static DatasetManifest manifest(String name, long version, String type) {
        return new DatasetManifest("id-" + name, name, version, "f", List.of(new SchemaColumn("a", type, true)),
                List.of(), 0, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    }

    @Test
    void aHostileTypeGetsNoViewIsCountedOnceAndDatasetOfItIs422() throws Exception {
        DatasetManifest good = manifest("good", 1, "INTEGER");
        DatasetManifest bad = manifest("bad", 1, HOSTILE);
        when(catalog.listIfChanged(any())).thenReturn(
                Optional.of(new CatalogClient.Listing(new CatalogListing(List.of(good, bad), 1), "e1")),
                Optional.of(new CatalogClient.Listing(new CatalogListing(List.of(good, bad), 2), "e2")));
        when(catalog.versions("bad")).thenReturn(new ManifestVersions("bad", List.of(bad)));

        views.refresh();
        views.refresh();

        assertThat(views.views()).extracting(LiveView::name).containsExactly("good");
        assertThat(count("SELECT count(*) FROM good")).isZero();
        assertThatThrownBy(() -> count("SELECT count(*) FROM bad")).isInstanceOf(SQLException.class);
        assertThat(health.snapshot().status()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.snapshot().quarantined()).isEqualTo(1);

        assertThatThrownBy(() -> views.versionView("bad", 1))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("version 1 of dataset 'bad' cannot be queried")
                .hasMessageNotContaining("UNION");
        assertThat(health.snapshot().quarantined()).isEqualTo(1);
    }

    @Test
    void aNewVersionWithAHostileTypeDropsTheOldView() throws Exception {
        when(catalog.listIfChanged(any())).thenReturn(
                Optional.of(new CatalogClient.Listing(new CatalogListing(List.of(manifest("t", 1, "BIGINT")), 1), "e1")),
                Optional.of(new CatalogClient.Listing(new CatalogListing(List.of(manifest("t", 2, HOSTILE)), 2), "e2")));
        views.refresh();
        assertThat(views.views()).extracting(LiveView::name).containsExactly("t");
        views.refresh();
        assertThat(views.views()).isEmpty();
        assertThatThrownBy(() -> count("SELECT count(*) FROM t")).isInstanceOf(SQLException.class);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = engine.connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
