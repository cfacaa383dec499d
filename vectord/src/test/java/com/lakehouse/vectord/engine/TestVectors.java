package com.lakehouse.vectord.engine;

import java.util.SplittableRandom;

/**
 * Synthetic vector sets for recall tests and benchmarks. "Clustered" imitates text embeddings:
 * points scattered around a few hundred random centres, so near neighbours are meaningful (uniform
 * random vectors in 384 dimensions are all nearly equidistant, the hardest and least realistic case).
 */
public final class TestVectors {

    private TestVectors() {
    }

    /**
     * {@code n} unit vectors around {@code clusters} random centres; the centres depend on
     * {@code centreSeed} only, so data and queries drawn with one centre seed share their clusters.
     */
    public static float[][] clustered(int n, int dim, int clusters, long centreSeed, long pointSeed) {
        SplittableRandom centreRandom = new SplittableRandom(centreSeed);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = gaussian(centreRandom, dim, 1.0);
        }
        SplittableRandom random = new SplittableRandom(pointSeed);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] centre = centres[random.nextInt(clusters)];
            float[] v = gaussian(random, dim, 0.35);
            for (int d = 0; d < dim; d++) {
                v[d] += centre[d];
            }
            out[i] = normalize(v);
        }
        return out;
    }

    /** {@code n} unit vectors drawn uniformly from the sphere. */
    public static float[][] random(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = normalize(gaussian(random, dim, 1.0));
        }
        return out;
    }

    private static float[] gaussian(SplittableRandom random, int dim, double sigma) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            v[d] = (float) (sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
