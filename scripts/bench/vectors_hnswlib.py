#!/usr/bin/env python3
"""Peer for scripts/bench/vectors.sh: C++ hnswlib (Debian's python3-hnswlib) on the very same vectors,
queries and ground truth the Java bench wrote. Prints RESULT lines like the Java side."""
import os
import sys
import tempfile
import time

import hnswlib
import numpy as np

work, dim, k = sys.argv[1], int(sys.argv[2]), 10
data = np.fromfile(os.path.join(work, "data.f32"), dtype="<f4").reshape(-1, dim)
queries = np.fromfile(os.path.join(work, "queries.f32"), dtype="<f4").reshape(-1, dim)
truth = np.fromfile(os.path.join(work, "truth.i32"), dtype="<i4").reshape(-1, k)


def result(key, value):
    print(f"RESULT {key} {value:.4f}", flush=True)


index = hnswlib.Index(space="cosine", dim=dim)
start = time.perf_counter()
index.init_index(max_elements=len(data), M=16, ef_construction=200)
index.set_num_threads(2)
index.add_items(data, np.arange(len(data)))
build = time.perf_counter() - start
result("build_seconds", build)
result("build_vectors_per_s", len(data) / build)

path = os.path.join(tempfile.mkdtemp(dir=work), "hnswlib.bin")
index.save_index(path)
result("index_bytes", os.path.getsize(path))
start = time.perf_counter()
loaded = hnswlib.Index(space="cosine", dim=dim)
loaded.load_index(path, max_elements=len(data))
result("load_ms", (time.perf_counter() - start) * 1000)

for ef in (32, 64, 128):
    index.set_ef(ef)
    index.set_num_threads(1)
    labels, _ = index.knn_query(queries, k=k)
    recall = np.mean([len(set(labels[i]) & set(truth[i])) / k for i in range(len(queries))])
    result(f"recall_ef{ef}", recall)
    for threads in (1, 2):
        index.set_num_threads(threads)
        start = time.perf_counter()
        for _ in range(3):
            index.knn_query(queries, k=k)
        qps = 3 * len(queries) / (time.perf_counter() - start)
        result(f"qps_{threads}thread{'s' if threads > 1 else ''}_ef{ef}", qps)
