package com.lakehouse.embedd.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.lakehouse.embedd.embedding.EmbeddingProvider;
import com.lakehouse.embedd.embedding.ModelInfo;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

/**
 * The {@code local} provider: the in-process MiniLM model, loaded once, fed by a
 * {@link FairChunkScheduler} so a big request is cut into chunks that interleave with everyone
 * else's.
 */
public final class LocalProvider implements EmbeddingProvider, AutoCloseable {

    /** The one model this provider runs. */
    public static final ModelInfo MODEL = new ModelInfo(MiniLmEncoder.MODEL_NAME, MiniLmEncoder.DIMENSION, "local");

    private final MiniLmEncoder encoder;
    private final FairChunkScheduler scheduler;
    private final int chunkSize;

    public LocalProvider(MiniLmEncoder encoder, FairChunkScheduler scheduler, int chunkSize) {
        this.encoder = encoder;
        this.scheduler = scheduler;
        this.chunkSize = chunkSize;
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(MODEL);
    }

    @Override
    public List<float[]> embed(ModelInfo model, List<String> texts, Duration timeout) {
        List<Callable<List<float[]>>> chunks = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += chunkSize) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + chunkSize));
            chunks.add(() -> chunk.stream().map(encoder::encode).toList());
        }
        FairChunkScheduler.Job<List<float[]>> job = scheduler.submit(chunks);
        try {
            List<float[]> vectors = new ArrayList<>(texts.size());
            job.await(timeout).forEach(vectors::addAll);
            return vectors;
        } catch (TimeoutException e) {
            throw new UpstreamTimeoutException("embedding " + texts.size() + " texts took longer than batch_timeout "
                    + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new UpstreamFailureException("the local model failed: " + e.getCause().getMessage(), e.getCause());
        } catch (CancellationException e) {
            throw new UnavailableException("embedd is shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("embedd is shutting down");
        }
    }

    @Override
    public void close() {
        scheduler.close();
        if (scheduler.stopped()) {
            encoder.close();
        }
    }
}
