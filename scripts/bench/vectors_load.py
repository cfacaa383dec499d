#!/usr/bin/env python3
"""Loads the bench vectors into a running vectord over HTTP (batches of 5,000), for the restore timing."""
import json
import sys
import urllib.request

import numpy as np

base, work, dim, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
data = np.fromfile(f"{work}/data.f32", dtype="<f4").reshape(-1, dim)


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as resp:
        return json.load(resp)


post("/vectors/index", {"name": name, "dimension": dim, "distance": "cosine"})
for start in range(0, len(data), 5000):
    chunk = data[start:start + 5000]
    items = [{"id": str(start + i), "vector": [round(float(x), 7) for x in row]} for i, row in enumerate(chunk)]
    reply = post(f"/vectors/index/{name}/add", {"items": items})
print(reply["count"])
