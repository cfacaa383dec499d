import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The peer of scripts/bench/query.sh: the same statements in DuckDB in-process (JDBC, same DuckDB
 * version and memory limit as queryd) over a view on the same Parquet file, reading every row.
 * Usage: InProcessPeer PARQUET WARMUP ITERATIONS SQL... ; prints 'p50 p95 rows' (ms) per statement.
 */
public class InProcessPeer {
    public static void main(String[] args) throws Exception {
        String parquet = args[0];
        int warmup = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement setup = c.createStatement()) {
            setup.execute("SET memory_limit = '512MB'");
            setup.execute("CREATE VIEW bench_workers AS SELECT * FROM read_parquet(['" + parquet.replace("'", "''") + "'])");
            for (int q = 3; q < args.length; q++) {
                for (int i = 0; i < warmup; i++) {
                    run(c, args[q]);
                }
                double[] ms = new double[iterations];
                int rows = 0;
                for (int i = 0; i < iterations; i++) {
                    long start = System.nanoTime();
                    rows = run(c, args[q]);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                double p50 = iterations % 2 == 1 ? ms[iterations / 2] : (ms[iterations / 2 - 1] + ms[iterations / 2]) / 2;
                double p95 = ms[Math.max(0, (int) Math.round(0.95 * iterations) - 1)];
                System.out.printf("%.3f %.3f %d%n", p50, p95, rows);
            }
        }
    }

    private static int run(Connection c, String sql) throws Exception {
        int rows = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }
}
