package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.anyValue;
import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.bool;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code query_sql(sql, max_rows)}: read-only DuckDB SQL over the datasets ({@code POST /v1/sql}).
 * Results are bounded twice: rows by {@code max_rows} (capped), and long text cells, which are
 * cut to {@link #TEXT_CELL_CHARS} in the text block and to {@link #STRUCTURED_CELL_CHARS} in
 * {@code structuredContent}, so one wide column cannot flood the model's context.
 */
public final class QuerySqlTool implements LakehouseTool {

    static final int DEFAULT_ROWS = 100;
    static final int MAX_ROWS_CAP = 1000;
    static final int TEXT_CELL_CHARS = 200;
    static final int STRUCTURED_CELL_CHARS = 4000;

    private final GatewayClient gateway;

    public QuerySqlTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> column = object(props("name", string("column name"), "type", string("DuckDB type")), "name");
        return McpSchema.Tool.builder()
                .name("query_sql")
                .title("Query with SQL")
                .description("Run one read-only DuckDB SQL statement over the datasets; every dataset is a view named "
                        + "after it (see list_datasets). Only SELECT, WITH, VALUES, EXPLAIN, DESCRIBE, SUMMARIZE and "
                        + "SHOW run. Returns at most max_rows rows (default " + DEFAULT_ROWS + ", at most "
                        + MAX_ROWS_CAP + ") and says when the result was truncated; prefer aggregates, WHERE and "
                        + "LIMIT over reading many rows. Two table functions go beyond plain DuckDB. Past versions "
                        + "(see list_versions): SELECT * FROM dataset('workers', 2) is version 2, and "
                        + "SELECT * FROM dataset_diff('workers', 1, 3) gives the rows added and removed (column change). "
                        + "Meaning: vector_search('index', 'query text', k[, '{\"key\":\"value\"}' metadata filter]) "
                        + "returns the k nearest items with columns id (VARCHAR), distance, rank and one per metadata "
                        + "key, so it joins and filters like a table, e.g. SELECT w.name, v.distance FROM "
                        + "vector_search('resumes', 'forklift driver with safety certification', 20, '{\"state\":\"IL\"}') v "
                        + "JOIN workers w ON w.worker_id::VARCHAR = v.id WHERE w.hourly_rate < 25 ORDER BY v.distance. "
                        + "Arguments must be literals.")
                .inputSchema(object(props(
                        "sql", string("one SQL statement, e.g. SELECT role, count(*) FROM staffing_candidates GROUP BY role"),
                        "max_rows", integer("most rows to return (default " + DEFAULT_ROWS + "; values above "
                                + MAX_ROWS_CAP + " are capped to " + MAX_ROWS_CAP + ")", 1, DEFAULT_ROWS)), "sql"))
                .outputSchema(object(props(
                        "columns", array(column, "result columns in order"),
                        "rows", array(array(anyValue("a cell: number, string, boolean or null"), "one row"),
                                "rows, each an array of cells in column order"),
                        "row_count", integer("rows returned"),
                        "truncated", bool("true when the query had more rows than max_rows"),
                        "max_rows", integer("the row limit applied"),
                        "elapsed_ms", integer("query time in milliseconds"),
                        "shortened_cells", integer("text cells longer than " + STRUCTURED_CELL_CHARS
                                + " characters that were cut")),
                        "columns", "rows", "row_count", "truncated"))
                .annotations(ToolAnnotationsFor.readOnly("Query with SQL"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        String sql = arguments.requiredString("sql");
        long requested = arguments.atLeast("max_rows", DEFAULT_ROWS, 1);
        int maxRows = (int) Math.min(requested, MAX_ROWS_CAP);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sql", sql);
        body.put("max_rows", maxRows);
        Map<String, Object> result = gateway.post("/v1/sql", body);

        List<Object> columns = Wire.list(result.get("columns"));
        int[] shortened = {0};
        List<List<Object>> answered = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Object row : Wire.list(result.get("rows"))) {
            answered.add(Wire.list(row));
            rows.add(bounded(Wire.list(row), shortened));
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("columns", columns);
        structured.put("rows", rows);
        structured.put("row_count", rows.size());
        structured.put("truncated", Boolean.TRUE.equals(result.get("truncated")));
        structured.put("max_rows", maxRows);
        if (result.get("elapsed_ms") instanceof Number elapsed) {
            structured.put("elapsed_ms", elapsed.longValue());
        }
        structured.put("shortened_cells", shortened[0]);
        return ToolResults.structured(new SqlResultText(columns, answered, structured, requested).render(), structured);
    }

    private static List<Object> bounded(List<Object> row, int[] shortened) {
        List<Object> out = new ArrayList<>(row.size());
        for (Object cell : row) {
            if (TextCells.isLong(cell, STRUCTURED_CELL_CHARS)) {
                shortened[0]++;
                out.add(TextCells.shorten((String) cell, STRUCTURED_CELL_CHARS));
            } else {
                out.add(cell);
            }
        }
        return out;
    }

    /**
     * The text block: a Markdown table of the rows as queryd answered them, each cell cut to one
     * short line (so the cut says the cell's full length).
     */
    private record SqlResultText(List<Object> columns, List<List<Object>> rows, Map<String, Object> meta,
                                 long requested) {

        String render() {
            StringBuilder text = new StringBuilder();
            text.append(rows.size()).append(rows.size() == 1 ? " row" : " rows");
            if (meta.get("elapsed_ms") != null) {
                text.append(" (").append(meta.get("elapsed_ms")).append(" ms)");
            }
            text.append('\n');
            List<String> names = new ArrayList<>();
            for (Object c : columns) {
                names.add(escape(String.valueOf(Wire.map(c).get("name"))));
            }
            text.append("| ").append(String.join(" | ", names)).append(" |\n");
            text.append("|").append(" --- |".repeat(names.size())).append('\n');
            int cut = 0;
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cut += TextCells.isLong(cell, TEXT_CELL_CHARS) ? 1 : 0;
                    cells.add(escape(TextCells.cell(cell, TEXT_CELL_CHARS)));
                }
                text.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
            notes(text, cut);
            return text.toString().stripTrailing();
        }

        private void notes(StringBuilder text, int cut) {
            int maxRows = (int) meta.get("max_rows");
            if (requested > MAX_ROWS_CAP) {
                text.append("max_rows ").append(requested).append(" was capped to ").append(MAX_ROWS_CAP).append(".\n");
            }
            if (Boolean.TRUE.equals(meta.get("truncated"))) {
                text.append("TRUNCATED: the query has more than ").append(maxRows).append(" rows; only the first ")
                        .append(maxRows).append(" are shown. Aggregate, filter or add LIMIT/OFFSET")
                        .append(maxRows < MAX_ROWS_CAP ? ", or raise max_rows (up to " + MAX_ROWS_CAP + ")" : "")
                        .append(".\n");
            }
            if (cut > 0) {
                text.append(cut).append(" text cell(s) longer than ").append(TEXT_CELL_CHARS)
                        .append(" characters are cut here; structuredContent holds them up to ")
                        .append(STRUCTURED_CELL_CHARS).append(" characters.\n");
            }
        }

        private static String escape(String cell) {
            return cell.replace("|", "\\|");
        }
    }
}
