package com.lakehouse.ingestd.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the benchmark CSV of scripts/bench/ingest.sh: staffing-like rows of 18 columns (integers,
 * doubles, booleans, timestamps, short strings, and a long free-text column with commas, doubled
 * quotes and line breaks inside quoted values), deterministic for a given row count.
 *
 * <p>Usage: {@code BenchCsv <out.csv> <rows>}
 */
public final class BenchCsv {

    private static final String[] FIRST = {"Ana", "Bo", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lena"};
    private static final String[] LAST = {"Smith", "Okafor", "Nguyen", "Garcia", "Müller", "Rossi", "Kim", "Patel", "Dubois", "Silva"};
    private static final String[] CITY = {"Lisbon", "Austin", "Osaka", "Lagos", "Berlin", "Toronto", "São Paulo", "Pune", "Lyon", "Perth"};
    private static final String[] ROLE = {"welder", "nurse", "forklift operator", "line cook", "electrician", "data analyst", "driver"};
    private static final String[] WORDS = {"reliable", "shift", "lead", "certified", "safety", "team", "customer", "inventory",
        "night", "weekend", "overtime", "trained", "bilingual", "warehouse", "clinic", "kitchen", "site", "crew", "forklift"};

    private BenchCsv() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(20260429L);
        LocalDateTime epoch = LocalDateTime.of(2020, 1, 1, 0, 0);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("id,worker_id,age,years_experience,hourly_rate,score,reliability,latitude,active,verified,"
                    + "created_at,updated_at,first_name,last_name,city,role,email,resume_text\n");
            StringBuilder line = new StringBuilder(1024);
            for (int i = 1; i <= rows; i++) {
                line.setLength(0);
                String first = pick(random, FIRST);
                String last = pick(random, LAST);
                LocalDateTime created = epoch.plusSeconds(random.nextLong(150_000_000L));
                line.append(i).append(',')
                        .append(100_000 + random.nextInt(9_000_000)).append(',')
                        .append(18 + random.nextInt(50)).append(',')
                        .append(random.nextInt(40)).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", 12 + random.nextDouble() * 80)).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", random.nextDouble())).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", random.nextDouble() * 100)).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", -60 + random.nextDouble() * 120)).append(',')
                        .append(random.nextBoolean()).append(',')
                        .append(random.nextInt(10) < 8).append(',')
                        .append(created).append(',')
                        .append(created.plusSeconds(random.nextLong(10_000_000L)).toString().replace('T', ' ')).append(',')
                        .append(first).append(',').append(last).append(',')
                        .append(quoteIfNeeded(pick(random, CITY))).append(',')
                        .append(pick(random, ROLE)).append(',')
                        .append(first.toLowerCase(Locale.ROOT)).append('.').append(i).append("@example.com").append(',')
                        .append(resume(random, first)).append('\n');
                w.append(line);
            }
        }
    }

    /** ~460 bytes of prose with commas, a quoted phrase (doubled quotes) and line breaks. */
    private static String resume(SplittableRandom random, String name) {
        StringBuilder text = new StringBuilder(600).append('"').append(name).append(" has worked as a ");
        int sentences = 4 + random.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            for (int k = 0; k < 10 + random.nextInt(5); k++) {
                text.append(pick(random, WORDS)).append(k % 4 == 3 ? ", " : " ");
            }
            text.append(s == 1 ? "and says \"\"happy to help\"\"." : "done.");
            text.append(random.nextInt(3) == 0 ? "\n" : " ");
        }
        return text.append('"').toString();
    }

    private static String quoteIfNeeded(String value) {
        return value.contains(",") ? "\"" + value + "\"" : value;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
