package com.lakehouse.embedd.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers behind scripts/bench/embed.sh: embedd over HTTP (started by the script as the
 * launcher runs it) beside its peer, the same model called in-process through langchain4j's own
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel.embedAll}, in the same run on the same machine.
 * Cold rows use texts never sent before, so neither side has them cached.
 *
 * <p>Usage: {@code EmbedBench <embedd base URL> <markdown rows file>}.
 */
public final class EmbedBench {

    private static final String[] WORDS = ("forklift operator warehouse registered nurse welder chicago night shift "
            + "certified driver pastry chef bakery safety osha picker packer licensed electrician senior junior "
            + "remote hourly cdl class truck icu cna medical assistant payroll clerk bilingual").split(" ");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI embed;
    private final Random random = new Random(42);
    private int serial;

    private EmbedBench(URI base) {
        this.embed = URI.create(base + "/embed");
    }

    public static void main(String[] args) throws Exception {
        EmbedBench bench = new EmbedBench(URI.create(args[0]));
        List<String> rows = bench.run();
        Files.write(Path.of(args[1]), rows);
    }

    private List<String> run() throws Exception {
        post(sentences(64));
        int[][] plans = {{1, 200}, {32, 12}, {256, 4}};
        double[] served = new double[plans.length];
        for (int i = 0; i < plans.length; i++) {
            served[i] = httpThroughput(plans[i][0], plans[i][1]);
        }
        double cachedP50 = cachedP50Millis(500);

        AllMiniLmL6V2QuantizedEmbeddingModel peer = new AllMiniLmL6V2QuantizedEmbeddingModel();
        peer.embedAll(segments(sentences(64)));
        double[] inProcess = new double[plans.length];
        for (int i = 0; i < plans.length; i++) {
            inProcess[i] = peerThroughput(peer, plans[i][0], plans[i][1]);
        }
        double peerSingleP50 = peerSingleP50Millis(peer, 200);

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < plans.length; i++) {
            String target = plans[i][0] == 256 ? ">= 250 texts/s" : "-";
            rows.add(row("embed batch " + plans[i][0] + " (cold)", "texts/s", served[i],
                    "langchain4j embedAll in-process", inProcess[i], target));
        }
        rows.add(row("embed 1 cached text over HTTP", "p50 ms", cachedP50,
                "in-process embed of 1 text, no cache", peerSingleP50, "<= 2 ms"));
        return rows;
    }

    private double httpThroughput(int batch, int requests) throws Exception {
        long started = System.nanoTime();
        for (int r = 0; r < requests; r++) {
            post(sentences(batch));
        }
        return (double) batch * requests / ((System.nanoTime() - started) / 1e9);
    }

    private double cachedP50Millis(int requests) throws Exception {
        List<String> text = List.of("night shift forklift operator, OSHA certified");
        // Steady state: a few thousand round trips first, so both JITs have compiled the cached path.
        HttpRequest cached = request(text, null);
        for (int i = 0; i < 3_000; i++) {
            send(cached);
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            send(cached);
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return median(ms);
    }

    private double peerThroughput(AllMiniLmL6V2QuantizedEmbeddingModel peer, int batch, int requests) {
        long started = System.nanoTime();
        for (int r = 0; r < requests; r++) {
            peer.embedAll(segments(sentences(batch)));
        }
        return (double) batch * requests / ((System.nanoTime() - started) / 1e9);
    }

    private double peerSingleP50Millis(AllMiniLmL6V2QuantizedEmbeddingModel peer, int count) {
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            List<TextSegment> one = segments(sentences(1));
            long started = System.nanoTime();
            peer.embedAll(one);
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return median(ms);
    }

    private void post(List<String> texts) throws Exception {
        send(request(texts, Duration.ofSeconds(120)));
    }

    /**
     * A POST /embed of {@code texts}. The cached-latency requests carry no timeout: the JDK client
     * arms and cancels a timer for each request that has one, which is client time, not embedd's.
     */
    private HttpRequest request(List<String> texts, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(embed).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("texts", texts))));
        return (timeout == null ? builder : builder.timeout(timeout)).build();
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("embedd answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }

    /** Short staffing-like sentences (8-13 words), each unique. */
    private List<String> sentences(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sentence = new StringBuilder();
            int words = 7 + random.nextInt(6);
            for (int w = 0; w < words; w++) {
                sentence.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            out.add(sentence.append("req ").append(serial++).toString());
        }
        return out;
    }

    private static List<TextSegment> segments(List<String> texts) {
        return texts.stream().map(TextSegment::from).toList();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String row(String benchmark, String metric, double value, String peer, double peerValue, String target) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %.1f | %.2f | %s |", benchmark, metric, value, peer,
                peerValue, value / peerValue, target);
    }
}
