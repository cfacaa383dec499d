package com.lakehouse.pathway.traces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Driver of scripts/bench/pathway.sh (not a test). Modes:
 * <ul>
 * <li>{@code raw-appends FILE N}: the peer, the same lines appended and forced one by one;</li>
 * <li>{@code make-log FILE N}: writes a trace log of N traces for the search run;</li>
 * <li>{@code search URL Q}: p50/p95 of Q searches over HTTP;</li>
 * <li>{@code search-inprocess FILE Q}: the peer, the same searches on the store in-process.</li>
 * </ul>
 * Every mode prints one line {@code name value unit}.
 */
public final class PathwayBench {

    private static final String[] WORDS = ("forklift warehouse welder nurse driver cnc machinist electrician cook "
            + "assistant certified osha night weekend overtime joliet chicago aurora peoria rockford shift placed "
            + "interview reference safety pallet inventory dock hazmat cdl patient").split(" ");

    private PathwayBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "raw-appends" -> rawAppends(Path.of(args[1]), Integer.parseInt(args[2]));
            case "make-log" -> makeLog(Path.of(args[1]), Integer.parseInt(args[2]));
            case "search" -> search(URI.create(args[1]), Integer.parseInt(args[2]));
            case "search-inprocess" -> searchInProcess(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** A vocabulary of 5,000 words drawn with a Zipf-like skew, as notes in a real corpus are. */
    private static final String[] VOCABULARY = vocabulary();

    private static String[] vocabulary() {
        Random random = new Random(3);
        String[] words = new String[5000];
        System.arraycopy(WORDS, 0, words, 0, WORDS.length);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = WORDS.length; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 0, len = 4 + random.nextInt(6); j < len; j++) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            words[i] = w.toString();
        }
        return words;
    }

    private static String word(Random random) {
        return VOCABULARY[(int) Math.min(VOCABULARY.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * VOCABULARY.length))];
    }

    private static String content(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(word(random)).append(' ');
        }
        return "{\"worker\":\"W" + n + "\",\"note\":\"" + text.toString().trim() + "\"}";
    }

    private static void rawAppends(Path file, int count) throws IOException {
        Random random = new Random();
        Files.deleteIfExists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long started = System.nanoTime();
            for (int n = 0; n < count; n++) {
                String line = "{\"op\":\"add\",\"trace\":{\"uid\":\"" + n + "\",\"content\":" + content(random, n) + "}}\n";
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("raw_appends_per_s %.0f appends/s%n", count / seconds);
        }
    }

    private static void makeLog(Path file, int count) throws IOException {
        Random random = new Random(7);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < count; n++) {
                out.write("{\"op\":\"add\",\"trace\":{\"uid\":\"t" + n + "\",\"content\":" + content(random, n)
                        + ",\"tags\":[\"bench\"],\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}\n");
            }
        }
        System.out.printf("log_traces %d traces%n", count);
    }

    private static List<String> queries(int count) {
        Random random = new Random(11);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(word(random) + " " + word(random));
        }
        return out;
    }

    private static void search(URI base, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double[] millis = new double[count];
        List<String> queries = queries(count + 20);
        for (int i = 0; i < count + 20; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/pathway/search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + queries.get(i) + "\",\"limit\":10}")).build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search answered " + response.statusCode());
            }
            if (i >= 20) {
                millis[i - 20] = (System.nanoTime() - started) / 1e6;
            }
        }
        report("search_http", millis);
    }

    private static void searchInProcess(Path log, int count) {
        try (TraceLog traceLog = new TraceLog(log, false); TraceSearchIndex index = new TraceSearchIndex()) {
            TraceStore store = new TraceStore(traceLog, index, Clock.systemUTC());
            double[] millis = new double[count];
            List<String> queries = queries(count + 20);
            for (int i = 0; i < count + 20; i++) {
                long started = System.nanoTime();
                store.search(queries.get(i), List.of(), 10);
                if (i >= 20) {
                    millis[i - 20] = (System.nanoTime() - started) / 1e6;
                }
            }
            report("search_inprocess", millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String name, double[] millis) {
        Arrays.sort(millis);
        System.out.printf("%s_p50 %.2f ms%n", name, millis[millis.length / 2]);
        System.out.printf("%s_p95 %.2f ms%n", name, millis[(int) (millis.length * 0.95)]);
    }
}
