"""Measure the themes on the labelled set of `bench/synthesis` (make bench-synthesis).

Reports the Adjusted Rand Index and V-measure of `clustering.group` against the human
themes, and the near-duplicate recall@3: how often a contribution's twin (the same
point in other words) is among the three contributions `similar` would list first.
The vectors of the set's texts are saved in `bench/synthesis/vectors.npz` so that the
test and the bench do not embed 225 texts again (`--save-vectors` writes them).
"""

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings

from ensemble.matching import evaluation as matching_evaluation
from ensemble.semantics import encoders

from . import clustering
from .texts import contribution_text

BENCH = Path(settings.BASE_DIR) / "bench" / "synthesis"
DATASET = BENCH / "dataset.py"
VECTORS = BENCH / "vectors.npz"


def dataset_module(path: Path = DATASET):
    return matching_evaluation.dataset_module(path)


@dataclass
class Report:
    contributions: int
    themes: int
    found: int
    ari: float
    v_measure: float
    near_duplicates: int
    near_duplicates_found: int
    seconds: float

    @property
    def recall_at_3(self) -> float:
        return self.near_duplicates_found / self.near_duplicates if self.near_duplicates else 0


def vectors_load() -> int:
    return encoders.memo_load(VECTORS) if VECTORS.exists() else 0


def evaluate(path: Path = DATASET) -> Report:
    from sklearn.metrics import adjusted_rand_score, v_measure_score

    dataset = dataset_module(path)
    rows = dataset.items()
    texts = [contribution_text(title, body) for _index, _theme, title, body, _tag in rows]
    truth = [theme for _index, theme, _title, _body, _tag in rows]
    matrix = encoders.encode(texts, query=True)
    started = time.perf_counter()
    grouping = clustering.group(matrix)
    seconds = time.perf_counter() - started
    found = 0
    pairs = list(dataset.NEAR_DUPLICATES)
    for first, second in pairs:
        for one, other in ((first, second), (second, first)):
            found += other in {row for row, _ in clustering.nearest(matrix, one, 3)}
    return Report(
        contributions=len(rows), themes=len(set(truth)), found=len(set(grouping.labels.tolist())),
        ari=float(adjusted_rand_score(truth, grouping.labels)),
        v_measure=float(v_measure_score(truth, grouping.labels)),
        near_duplicates=2 * len(pairs), near_duplicates_found=found, seconds=seconds,
    )  # fmt: skip


def timing(count: int = 5000, *, seed: int = 1) -> float:
    """Seconds `clustering.group` takes on `count` vectors (the set's, jittered)."""
    dataset = dataset_module()
    texts = [contribution_text(title, body) for _i, _t, title, body, _g in dataset.items()]
    base = encoders.encode(texts, query=True)
    generator = np.random.default_rng(seed)
    rows = base[generator.integers(0, len(base), count)]
    rows = rows + generator.normal(0, 0.02, rows.shape).astype(np.float32)
    started = time.perf_counter()
    clustering.group(rows)
    return time.perf_counter() - started
