package com.lakehouse.sparkcheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scale-out proof (docs/scale-out.md): Apache Spark in local mode, with Iceberg's Spark runtime
 * and S3FileIO, pointed at the gateway's {@code /v1/iceberg} and at the fleet's S3 server, reads
 * every dataset of the catalog and must answer count, sum and GROUP BY exactly as queryd does;
 * {@code VERSION AS OF 'v1'} of a dataset with two versions must give version 1's rows.
 *
 * <p>Configuration from the environment: LH_GATEWAY, AUTH_TOKEN, LH_S3_ENDPOINT, LH_S3_ACCESS_KEY_ID,
 * LH_S3_SECRET_ACCESS_KEY (the operator's S3 credentials; the catalog never hands any out).
 */
public final class SparkCheck {

    static final String CATALOG = "lakehouse";
    static final String NAMESPACE = "lakehouse";
    static final String VERSIONED = "spark_check_versions";

    private final Gateway gateway;
    private final SparkSession spark;
    private final List<String> failures = new ArrayList<>();
    private int checks;

    private SparkCheck(Gateway gateway, SparkSession spark) {
        this.gateway = gateway;
        this.spark = spark;
    }

    public static void main(String[] args) throws Exception {
        String gatewayUrl = env("LH_GATEWAY", "http://127.0.0.1:3110");
        String token = env("AUTH_TOKEN", "");
        Gateway gateway = new Gateway(gatewayUrl, token);
        SparkSession.Builder builder = SparkSession.builder().appName("lakehouse-spark-check").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                // The docs/scale-out.md Spark block, as run here:
                .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog." + CATALOG + ".type", "rest")
                .config("spark.sql.catalog." + CATALOG + ".uri", gatewayUrl + "/v1/iceberg")
                // Every query sees the catalog's current version, as queryd's do.
                .config("spark.sql.catalog." + CATALOG + ".cache-enabled", "false")
                .config("spark.sql.catalog." + CATALOG + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
                .config("spark.sql.catalog." + CATALOG + ".s3.access-key-id", env("LH_S3_ACCESS_KEY_ID", ""))
                .config("spark.sql.catalog." + CATALOG + ".s3.secret-access-key", env("LH_S3_SECRET_ACCESS_KEY", ""));
        if (!token.isEmpty()) {
            builder.config("spark.sql.catalog." + CATALOG + ".token", token);
        }
        long started = System.nanoTime();
        try (SparkSession spark = builder.getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            SparkCheck check = new SparkCheck(gateway, spark);
            check.run();
            System.out.printf("spark-check: %d checks, %d failed, %.0f s%n", check.checks, check.failures.size(),
                    (System.nanoTime() - started) / 1e9);
            if (!check.failures.isEmpty()) {
                check.failures.forEach(f -> System.err.println("  FAIL " + f));
                System.exit(1);
            }
        }
    }

    private void run() throws Exception {
        ensureTwoVersions();
        JsonNode datasets = gateway.get("/v1/catalog/list").path("datasets");
        List<String> names = new ArrayList<>();
        datasets.forEach(d -> names.add(d.path("name").asText()));
        List<String> tables = spark.sql("SHOW TABLES IN " + CATALOG + "." + NAMESPACE).collectAsList().stream()
                .map(r -> r.getString(1)).sorted().toList();
        expect("SHOW TABLES lists every catalog dataset", names.stream().sorted().toList(), tables);
        for (JsonNode dataset : datasets) {
            compareWhileUnchanged(dataset.path("name").asText());
        }
        versionOne();
    }

    /**
     * The comparisons of one dataset, repeated when the dataset got a new version meanwhile (observerd
     * registers journal files as it flushes, so lakehouse_journal may move under a running check).
     */
    private void compareWhileUnchanged(String name) throws Exception {
        for (int attempt = 1; ; attempt++) {
            JsonNode before = gateway.get("/v1/catalog/manifest/" + name);
            List<String> mark = new ArrayList<>(failures);
            int checksBefore = checks;
            compareWithQueryd(before);
            long after = gateway.get("/v1/catalog/manifest/" + name).path("version").asLong();
            if (after == before.path("version").asLong() || attempt == 3) {
                return;
            }
            System.out.println("  ..   " + name + " moved from v" + before.path("version").asLong() + " to v" + after
                    + " during the comparison; again");
            failures.clear();
            failures.addAll(mark);
            checks = checksBefore;
        }
    }

    /** Count, a sum and a GROUP BY, each asked of Spark and of queryd with the same SQL. */
    private void compareWithQueryd(JsonNode dataset) throws Exception {
        String name = dataset.path("name").asText();
        String table = CATALOG + "." + NAMESPACE + "." + name;
        String count = "SELECT count(*) FROM %s";
        expect(name + " count", number(gateway.sql(count.formatted(name)).path("rows").path(0).path(0)),
                number(spark.sql(count.formatted(table)).first().get(0)));
        String numeric = column(dataset, "BIGINT", "DOUBLE", "INTEGER");
        if (numeric != null) {
            String sum = "SELECT sum(\"%s\") FROM %%s".formatted(numeric);
            expect(name + " sum(" + numeric + ")", number(gateway.sql(sum.formatted(name)).path("rows").path(0).path(0)),
                    number(spark.sql(sum.replace('"', '`').formatted(table)).first().get(0)));
        }
        String key = column(dataset, "VARCHAR", "BOOLEAN", "BIGINT", "DATE");
        if (key != null) {
            String group = "SELECT \"%s\", count(*) FROM %%s GROUP BY \"%s\"".formatted(key, key);
            JsonNode answer = gateway.sql(group.formatted(name));
            if (answer.path("truncated").asBoolean()) {
                group = "SELECT count(DISTINCT \"%s\") FROM %%s".formatted(key);
                expect(name + " count(DISTINCT " + key + ")", number(gateway.sql(group.formatted(name)).path("rows").path(0).path(0)),
                        number(spark.sql(group.replace('"', '`').formatted(table)).first().get(0)));
                return;
            }
            Map<String, String> fromQueryd = new TreeMap<>();
            answer.path("rows").forEach(r -> fromQueryd.put(text(r.path(0)), number(r.path(1)).toPlainString()));
            Map<String, String> fromSpark = new TreeMap<>();
            for (Row r : spark.sql(group.replace('"', '`').formatted(table)).collectAsList()) {
                fromSpark.put(r.isNullAt(0) ? "<null>" : String.valueOf(r.get(0)), number(r.get(1)).toPlainString());
            }
            expect(name + " GROUP BY " + key + " (" + fromQueryd.size() + " groups)", fromQueryd, fromSpark);
        }
    }

    /** Version 1 of a dataset with two versions, through the tag the catalog gives it. */
    private void versionOne() throws Exception {
        JsonNode versions = gateway.get("/v1/catalog/manifest/" + VERSIONED + "/versions").path("versions");
        long v1Rows = versions.path(0).path("row_count").asLong();
        long currentRows = versions.path(versions.size() - 1).path("row_count").asLong();
        String table = CATALOG + "." + NAMESPACE + "." + VERSIONED;
        expect(VERSIONED + " VERSION AS OF 'v1' count", BigDecimal.valueOf(v1Rows),
                number(spark.sql("SELECT count(*) FROM " + table + " VERSION AS OF 'v1'").first().get(0)));
        expect(VERSIONED + " current count", BigDecimal.valueOf(currentRows),
                number(spark.sql("SELECT count(*) FROM " + table).first().get(0)));
        List<String> v1Cities = spark.sql("SELECT city FROM " + table + " VERSION AS OF 'v1' ORDER BY city")
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        expect(VERSIONED + " VERSION AS OF 'v1' rows", List.of("Basel", "Bern"), v1Cities);
    }

    /** The smokes may leave no dataset with two versions: make one through the gateway (idempotent). */
    private void ensureTwoVersions() throws Exception {
        gateway.ingest(VERSIONED, "replace", "city,workers\nBern,12\nBasel,30\n");
        JsonNode second = gateway.ingest(VERSIONED, "append", "city,workers\nZurich,7\n");
        if (second.path("version").asLong() < 2) {
            throw new IllegalStateException(VERSIONED + " did not get a second version: " + second);
        }
    }

    private static String column(JsonNode dataset, String... types) {
        for (String type : types) {
            for (JsonNode column : dataset.path("schema")) {
                if (column.path("type").asText().equalsIgnoreCase(type)) {
                    return column.path("name").asText();
                }
            }
        }
        return null;
    }

    private void expect(String what, Object want, Object got) {
        checks++;
        boolean same = want instanceof BigDecimal w && got instanceof BigDecimal g ? close(w, g) : want.equals(got);
        if (same) {
            System.out.println("  ok   " + what);
        } else {
            failures.add(what + ": queryd/catalog " + abbreviate(want) + ", Spark " + abbreviate(got));
        }
    }

    /** Sums of doubles may differ in the last bits between engines (summation order); counts must not. */
    private static boolean close(BigDecimal want, BigDecimal got) {
        if (want.compareTo(got) == 0) {
            return true;
        }
        BigDecimal scale = want.abs().max(got.abs());
        return want.subtract(got).abs().compareTo(scale.multiply(new BigDecimal("1e-12"))) <= 0;
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof JsonNode node) {
            return node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asText(), MathContext.DECIMAL128);
        }
        return new BigDecimal(value.toString(), MathContext.DECIMAL128);
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "<null>" : value.asText();
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
