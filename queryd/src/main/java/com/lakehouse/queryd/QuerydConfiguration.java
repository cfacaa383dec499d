package com.lakehouse.queryd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.lakehouse.queryd.engine.ArrowStreamReader;
import com.lakehouse.queryd.engine.DuckDbEngine;
import com.lakehouse.queryd.engine.EngineSettings;
import com.lakehouse.queryd.engine.JsonRowsReader;
import com.lakehouse.queryd.engine.QueryExecutor;
import com.lakehouse.queryd.engine.Warmup;
import com.lakehouse.queryd.functions.DatasetDiffFunction;
import com.lakehouse.queryd.functions.DatasetVersionFunction;
import com.lakehouse.queryd.functions.TableFunctions;
import com.lakehouse.queryd.functions.VectorSearchFunction;
import com.lakehouse.queryd.vectors.SemanticSearch;
import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.queryd.sandbox.SqlSandbox;
import com.lakehouse.queryd.views.CatalogRefresher;
import com.lakehouse.queryd.views.DatasetViews;
import com.lakehouse.queryd.views.ParquetCache;
import com.lakehouse.queryd.views.ViewGenerations;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.web.RequestBodyLimit;

/** queryd's object graph: one DuckDB database, the Parquet cache, the views, the sandbox and the executor. */
@Configuration(proxyBeanMethods = false)
class QuerydConfiguration {

    @Bean
    RequestBodyLimit requestBodyLimit(QuerydProperties properties) {
        long cap = properties.maxBodyBytes();
        return request -> cap;
    }

    @Bean
    StorageClient storageClient(QuerydProperties properties, AuthPolicy auth) {
        return StorageClient.create(UpstreamUrl.parse("[queryd] storaged_url", properties.storagedUrl()), auth.primaryToken());
    }

    @Bean
    CatalogClient catalogClient(QuerydProperties properties, AuthPolicy auth) {
        URI url = UpstreamUrl.parse("[queryd] catalogd_url", properties.catalogdUrl());
        return CatalogClient.create(url, auth.primaryToken());
    }

    @Bean(destroyMethod = "close")
    DuckDbEngine duckDbEngine(QuerydProperties properties) {
        // Relative to the working directory when under it: what DuckDB shows of them is then no host path.
        Path data = EngineSettings.underWorkdir(Path.of(properties.dataDir()));
        return DuckDbEngine.open(new EngineSettings(data.resolve("cache"), data.resolve("tmp"),
                properties.memoryLimit(), properties.threads(), properties.maxTempDirectorySize()));
    }

    @Bean
    ErrorRedactor errorRedactor(QuerydProperties properties, AuthPolicy auth) {
        Path data = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        List<ErrorRedactor.Replacement> dirs = new ArrayList<>();
        // Also every string value of a result passes through these (settings, views, EXPLAIN, filename columns).
        dirs.add(new ErrorRedactor.Replacement(data.resolve("cache").toString(), "<cache>"));
        dirs.add(new ErrorRedactor.Replacement(data.resolve("tmp").toString(), "<tmp>"));
        dirs.add(new ErrorRedactor.Replacement(data.toString(), "<data_dir>"));
        dirs.add(new ErrorRedactor.Replacement(Path.of("").toAbsolutePath().toString(), "<workdir>"));
        dirs.add(new ErrorRedactor.Replacement(System.getProperty("user.home"), "<home>"));
        return new ErrorRedactor(dirs, auth.acceptedTokens());
    }

    @Bean
    SqlSandbox sqlSandbox(DuckDbEngine engine) {
        return new SqlSandbox(engine);
    }

    @Bean
    ViewGenerations viewGenerations() {
        return new ViewGenerations();
    }

    @Bean
    ParquetCache parquetCache(QuerydProperties properties, StorageClient storage) {
        return new ParquetCache(Path.of(properties.dataDir()).resolve("cache"), properties.cacheBytes(), storage, Clock.systemUTC());
    }

    @Bean
    DatasetViews datasetViews(CatalogClient catalog, ParquetCache cache, DuckDbEngine engine,
                              ViewGenerations generations, ErrorRedactor redactor, HealthState health) {
        return new DatasetViews(catalog, cache, engine, generations, redactor, health);
    }

    /**
     * A CSV export is written on an asynchronous request; the servlet container's default async
     * timeout (30 s in Tomcat) would cut a long download, so an export may take up to an hour.
     */
    @Bean
    WebMvcConfigurer exportTimeout() {
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(Duration.ofHours(1).toMillis());
            }
        };
    }

    @Bean
    SemanticSearch semanticSearch(QuerydProperties properties, AuthPolicy auth) {
        // A search is part of a statement: bounded like one rather than by the clients' minute.
        Duration timeout = properties.statementTimeout();
        return new SemanticSearch(
                new ServiceClient("vectord", UpstreamUrl.parse("[queryd] vectord_url", properties.vectordUrl()), auth.primaryToken(), timeout),
                new ServiceClient("embedd", UpstreamUrl.parse("[queryd] embedd_url", properties.embeddUrl()), auth.primaryToken(), timeout));
    }

    @Bean
    TableFunctions tableFunctions(DatasetViews views, SemanticSearch search) {
        return new TableFunctions(List.of(new DatasetVersionFunction(views), new DatasetDiffFunction(views),
                new VectorSearchFunction(search)));
    }

    @Bean(destroyMethod = "close")
    CatalogRefresher catalogRefresher(DatasetViews views, QuerydProperties properties) {
        return CatalogRefresher.start(views, properties.refreshEvery());
    }

    /**
     * {@code workers} statements run at once (DuckDB parallelises inside each one) and at most
     * {@code queue_limit} more wait; past that a submit is rejected and the answer is 503 with
     * Retry-After ({@link QueryExecutor}), never an unbounded queue.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService queryWorkers(QuerydProperties properties) {
        AtomicInteger n = new AtomicInteger();
        BlockingQueue<Runnable> queue = properties.queueLimit() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(properties.queueLimit());
        return new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "queryd-sql-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService statementTimer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queryd-statement-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    QueryExecutor queryExecutor(DuckDbEngine engine, ViewGenerations generations, ExecutorService queryWorkers,
                                ScheduledExecutorService statementTimer, QuerydProperties properties, ErrorRedactor redactor) {
        return new QueryExecutor(engine, generations, queryWorkers, statementTimer, properties.statementTimeout(), redactor);
    }

    @Bean
    Warmup warmup(SqlSandbox sandbox, QueryExecutor executor, ArrowStreamReader arrow, JsonRowsReader json) {
        return new Warmup(sandbox, executor, arrow, json);
    }

    @Bean
    JsonRowsReader jsonRowsReader(ErrorRedactor paths, QuerydProperties properties) {
        return new JsonRowsReader(paths, properties.maxResultBytes());
    }

    @Bean(destroyMethod = "close")
    BufferAllocator arrowAllocator() {
        return new RootAllocator();
    }

    @Bean
    ArrowStreamReader arrowStreamReader(BufferAllocator arrowAllocator, ErrorRedactor paths, QuerydProperties properties) {
        return new ArrowStreamReader(arrowAllocator, paths, properties.maxResultBytes());
    }
}
