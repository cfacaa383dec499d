"""What a hostile-input case file imports: `case(...)` and `rep(...)` (see run.py)."""

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    expect: int
    json: object = None
    body: Optional[bytes] = None
    chunks: Optional[tuple] = None          # (chunk_bytes, chunk_count): a chunked body of 'a's, no Content-Length;
                                            # with `body` or `json`, that is sent first as a chunk of its own
    declared_length: Optional[int] = None   # a Content-Length header that may disagree with the body sent
    headers: dict = field(default_factory=dict)
    auth: bool = True                       # send the fleet token
    problem: bool = True                    # the answer must be application/problem+json
    service: str = ""                       # filled in by the runner from the case file's name


def case(name, method, path, expect, json=None, body=None, chunks=None, declared_length=None,
         headers=None, auth=True, problem=True):
    """One request that must be refused with exactly `expect` and must change nothing.

    `path` is sent as is (raw: encoded bytes stay encoded) and may name the runner's seeds:
    `{trace_uid}` (a trace that exists), dataset and vector index `hostile_seed`, object
    `hostile/seed.txt`. `{token}` in the path or a header value is the fleet token.
    """
    if isinstance(body, str):
        body = body.encode("utf-8")
    return Case(name=name, method=method, path=path, expect=expect, json=json, body=body, chunks=chunks,
                declared_length=declared_length, headers=dict(headers or {}), auth=auth, problem=problem)


def rep(ch, n):
    """`n` copies of `ch`: long strings without long literals."""
    return ch * n
