"""Grouping vectors by meaning, choosing the number of groups: no database, no Django.

The method, chosen on the labelled set of `bench/synthesis` (docs/architecture.md):

1. each encoder's block (`encoders.parts`) is centred on the consultation's mean and
   normalised again: what all contributions share ("the neighbourhood", "it would be
   good") stops dominating the similarities;
2. each contribution is described by its similarities to its `NEIGHBOURS` nearest
   contributions (a sparse, symmetric k-nearest-neighbour graph), reduced to `DIMS`
   dimensions: two texts are close when they have the same neighbours, which is
   sturdier than their single cosine (paraphrases that share few words);
3. Ward agglomerative clustering of those rows; the tree is built once and cut at every
   number of themes from `k_min` to `k_max`;
4. the cut kept is the one with the best silhouette (cosine, on the centred vectors;
   on a sample of `SILHOUETTE_SAMPLE` contributions for larger consultations).
"""

import math
from dataclasses import dataclass

import numpy as np

from ensemble.semantics import encoders

NEIGHBOURS = 15
DIMS = 64
K_MIN = 4
K_MAX = 40
SMALLEST = 6
SILHOUETTE_SAMPLE = 2000  # fewer contributions than this make one theme


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1
    return matrix / norms


def centred(matrix: np.ndarray) -> np.ndarray:
    """Both encoders' blocks centred on their mean, normalised, concatenated (unit rows)."""
    left, right = encoders.parts(np.asarray(matrix, dtype=np.float32))
    left = _normalise(left - left.mean(axis=0))
    right = _normalise(right - right.mean(axis=0))
    return (np.hstack([left, right]) / np.sqrt(2)).astype(np.float32)


def neighbourhood_rows(vectors: np.ndarray, neighbours: int = NEIGHBOURS) -> np.ndarray:
    """Each row: its similarities to its nearest rows (symmetric graph), reduced."""
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    n = len(vectors)
    neighbours = max(1, min(neighbours, n - 1))
    rows, cols, values = [], [], []
    for start in range(0, n, 1024):  # n × 1024 similarities at a time
        block = vectors[start : start + 1024] @ vectors.T
        for offset in range(len(block)):
            block[offset, start + offset] = -np.inf
        nearest = np.argpartition(-block, neighbours - 1, axis=1)[:, :neighbours]
        for offset, found in enumerate(nearest):
            rows.extend([start + offset] * len(found))
            cols.extend(found.tolist())
            values.extend(np.maximum(block[offset, found], 0).tolist())
    graph = sparse.csr_matrix((values, (rows, cols)), shape=(n, n), dtype=np.float32)
    graph = graph.maximum(graph.T)
    lengths = np.sqrt(np.asarray(graph.multiply(graph).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1
    graph = sparse.diags(1 / lengths) @ graph
    if n > DIMS + 1:
        reduced = TruncatedSVD(DIMS, random_state=0).fit_transform(graph)
    else:  # a zero column: a square matrix would read as distances to `linkage`
        reduced = np.hstack([graph.toarray(), np.zeros((n, 1), dtype=np.float32)])
    return _normalise(reduced)


def k_range(n: int) -> tuple[int, int]:
    k_max = max(2, min(K_MAX, math.ceil(1.25 * math.sqrt(n)), n // 2))
    return min(K_MIN, k_max), k_max


@dataclass
class Grouping:
    labels: np.ndarray  # group of each row, 0..k-1, the largest group first
    scores: np.ndarray  # each row's cosine to its group's centre (centred vectors)
    silhouette: float


def group(matrix: np.ndarray, *, k_min: int | None = None, k_max: int | None = None) -> Grouping:
    """Group the rows of `matrix` (vectors of `encoders.encode`)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import silhouette_score

    n = len(matrix)
    if n == 0:
        return Grouping(np.zeros(0, dtype=int), np.zeros(0), 0.0)
    vectors = centred(matrix) if n > 1 else np.asarray(matrix, dtype=np.float32)
    if n < SMALLEST:
        labels = np.zeros(n, dtype=int)
        return Grouping(labels, _scores(vectors, labels), 0.0)
    low, high = k_range(n)
    low, high = k_min or low, min(k_max or high, n - 1)
    tree = linkage(neighbourhood_rows(vectors), method="ward")
    # The silhouette of a large consultation is estimated on a fixed sample of it.
    sample = np.sort(np.random.default_rng(0).choice(n, SILHOUETTE_SAMPLE, replace=False)) if (
        n > SILHOUETTE_SAMPLE
    ) else np.arange(n)  # fmt: skip
    distances = np.clip(1 - vectors[sample] @ vectors[sample].T, 0, 2)
    np.fill_diagonal(distances, 0)
    best = None
    for k in range(low, high + 1):
        labels = fcluster(tree, t=k, criterion="maxclust") - 1
        if len(set(labels.tolist())) < 2:
            continue
        if len(set(labels[sample].tolist())) < 2:
            continue
        score = silhouette_score(distances, labels[sample], metric="precomputed")
        if best is None or score > best[0]:
            best = (score, labels)
    if best is None:
        labels = np.zeros(n, dtype=int)
        return Grouping(labels, _scores(vectors, labels), 0.0)
    labels = _by_size(best[1])
    return Grouping(labels, _scores(vectors, labels), float(best[0]))


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber groups: 0 for the largest (ties: first seen)."""
    sizes = np.bincount(labels)
    order = sorted(range(len(sizes)), key=lambda group: (-sizes[group], group))
    rename = np.empty(len(sizes), dtype=int)
    rename[order] = np.arange(len(sizes))
    return rename[labels]


def _scores(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    scores = np.zeros(len(vectors), dtype=np.float32)
    for group_id in np.unique(labels):
        members = labels == group_id
        centre = vectors[members].mean(axis=0)
        norm = np.linalg.norm(centre) or 1.0
        scores[members] = vectors[members] @ (centre / norm)
    return scores


def nearest(matrix: np.ndarray, index: int, count: int) -> list[tuple[int, float]]:
    """The `count` rows closest to row `index` (itself left out), with their cosine."""
    similarities = np.asarray(matrix) @ np.asarray(matrix)[index]
    similarities[index] = -np.inf
    order = np.argsort(-similarities)[:count]
    return [(int(row), float(similarities[row])) for row in order]
