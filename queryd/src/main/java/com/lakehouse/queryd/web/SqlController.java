package com.lakehouse.queryd.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.lakehouse.queryd.QuerydProperties;
import com.lakehouse.queryd.engine.ArrowResult;
import com.lakehouse.queryd.engine.ArrowStreamReader;
import com.lakehouse.queryd.engine.ColumnInfo;
import com.lakehouse.queryd.engine.CsvWriter;
import com.lakehouse.queryd.engine.OpenResult;
import com.lakehouse.queryd.engine.Executed;
import com.lakehouse.queryd.engine.JsonRowsReader;
import com.lakehouse.queryd.engine.QueryExecutor;
import com.lakehouse.queryd.engine.QueryStats;
import com.lakehouse.queryd.engine.RowsResult;
import com.lakehouse.queryd.functions.TableFunctions;
import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.queryd.sandbox.SqlSandbox;
import com.lakehouse.queryd.sandbox.VettedQuery;
import com.lakehouse.queryd.views.DatasetViews;
import com.lakehouse.queryd.views.LiveView;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.web.ClientConnection;

/** {@code POST /sql} and {@code GET /sql/tables} (SPEC §6). */
@RestController
class SqlController {

    static final MediaType ARROW_STREAM = MediaType.parseMediaType("application/vnd.apache.arrow.stream");

    private final QuerydProperties properties;
    private final SqlSandbox sandbox;
    private final QueryExecutor executor;
    private final DatasetViews views;
    private final TableFunctions functions;
    private final ArrowStreamReader arrow;
    private final JsonRowsReader json;
    private final ErrorRedactor paths;
    private final Executor refresher = Executors.newVirtualThreadPerTaskExecutor();

    SqlController(QuerydProperties properties, SqlSandbox sandbox, QueryExecutor executor, DatasetViews views,
                  TableFunctions functions, ArrowStreamReader arrow, JsonRowsReader json, ErrorRedactor paths) {
        this.properties = properties;
        this.sandbox = sandbox;
        this.executor = executor;
        this.views = views;
        this.functions = functions;
        this.arrow = arrow;
        this.json = json;
        this.paths = paths;
    }

    @PostMapping(path = "/sql", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> sql(@RequestBody SqlRequest request,
                          @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                          HttpServletRequest http) {
        VettedQuery query = vet(request);
        int maxRows = properties.effectiveMaxRows(request.maxRows());
        BooleanSupplier clientGone = ClientConnection.of(http);
        if (wants(accept, ARROW_STREAM)) {
            Executed<ArrowResult> result = executor.run(query, maxRows, arrow, clientGone);
            return ResponseEntity.ok()
                    .contentType(ARROW_STREAM)
                    .header("X-Row-Count", Long.toString(result.value().rowCount()))
                    .header("X-Truncated", Boolean.toString(result.value().truncated()))
                    .header("X-Elapsed-Ms", Long.toString(result.elapsedMs()))
                    .body(result.value().stream());
        }
        Executed<RowsResult> result = executor.run(query, maxRows, json, clientGone);
        RowsResult rows = result.value();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(
                new SqlResponse(rows.columns(), rows.rows(), rows.rows().size(), rows.truncated(), result.elapsedMs()));
    }

    /**
     * {@code Accept: text/csv}: streamed up to export_max_rows (a request's max_rows lowers it),
     * whatever the JSON cap. Its own mapping because Spring streams a body only from a method
     * declared to return {@code ResponseEntity<StreamingResponseBody>}.
     */
    @PostMapping(path = "/sql", consumes = MediaType.APPLICATION_JSON_VALUE, produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestBody SqlRequest request, HttpServletRequest http) {
        VettedQuery query = vet(request);
        long limit = request.maxRows() == null ? properties.exportMaxRows()
                : Math.min(request.maxRows(), properties.exportMaxRows());
        OpenResult open = executor.open(query, limit, ClientConnection.of(http));
        StreamingResponseBody body = out -> executor.drain(open, (result, max) -> CsvWriter.write(result, max, out, paths));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Row-Limit", Long.toString(limit))
                .body(body);
    }

    private VettedQuery vet(SqlRequest request) {
        if (request.maxRows() != null && request.maxRows() < 0) {
            throw new InvalidRequestException("max_rows must be 0 or more");
        }
        SqlLimits.checkLength(request.sql(), properties.maxSqlBytes());
        // The catalog check is a network round trip and the sandbox's check a parse: run them side by side.
        CompletableFuture<Void> fresh = CompletableFuture.runAsync(views::refresh, refresher);
        try {
            // dataset(), dataset_diff() and vector_search() become SQL of queryd's own; that text is what is vetted.
            return sandbox.vet(functions.expand(request.sql()));
        } finally {
            fresh.join();
        }
    }

    /** The executor's counters: statements running now, and how the others ended. */
    @GetMapping("/sql/stats")
    QueryStats.Snapshot stats() {
        return executor.stats();
    }

    @GetMapping("/sql/tables")
    TablesResponse tables() {
        views.refresh();
        VettedQuery columnsQuery = new VettedQuery("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'main' ORDER BY table_name, ordinal_position""", true);
        List<List<Object>> rows = executor.run(columnsQuery, Integer.MAX_VALUE - 1, json).value().rows();
        Map<String, List<ColumnInfo>> columns = new TreeMap<>();
        for (List<Object> row : rows) {
            columns.computeIfAbsent((String) row.get(0), k -> new ArrayList<>())
                    .add(new ColumnInfo((String) row.get(1), (String) row.get(2)));
        }
        List<TablesResponse.Table> tables = views.views().stream()
                .filter(v -> columns.containsKey(v.name()))
                .map(v -> table(v, columns.get(v.name())))
                .toList();
        return new TablesResponse(tables);
    }

    private TablesResponse.Table table(LiveView view, List<ColumnInfo> columns) {
        return new TablesResponse.Table(view.name(), view.version(), views.versions(view), view.rowCount(), columns);
    }

    private static boolean wants(String accept, MediaType type) {
        if (accept == null) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream().anyMatch(type::equalsTypeAndSubtype);
    }
}
