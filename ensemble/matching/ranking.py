"""Ranking by meaning, in numpy: how close each candidate offer is to a need.

Measured on bench/matching (see docs/matching.md), the method that holds on paraphrases:

1. **Kind first**: only offers of a kind that meets the need are candidates (SQL).
2. **Each model standardised over the candidates**: e5's cosines sit in a narrow band
   (0.84 ± 0.02) while USE's spread wide (0.12 ± 0.10); averaging raw cosines lets USE,
   which rewards shared words, decide alone. Each model's similarities are turned into
   z-scores over the pool of candidates (shrunk towards the model's usual mean and spread
   when the pool is small) and the two z-scores are averaged.
3. **Hubness correction**: an offer written in generic words is close to every need. Part
   (`HUB_WEIGHT`) of its mean similarity to its `HUB_K` nearest needs is subtracted first.
4. **The organisation's own words** count a little (`ORG_WEIGHT`) beside the offer's.
5. **Kind fit** (1 for the same kind, less for a kind that partly meets it) and the
   **conditions** (conditions.compare) are added on the same scale.
6. **An absolute gate**: the candidate must also be clearly closer to the need than
   unrelated texts are (the mean of both models' z-scores against their usual spread,
   `MEANING_MIN`), so that a need nobody can meet gets no candidate at all.

Words never add to the score: they only explain (scoring.py).
"""

from dataclasses import dataclass

import numpy as np

from ensemble.semantics import encoders

# Usual mean and spread of each model's cosine between unrelated need and offer texts,
# measured on bench/matching (26,000 pairs).
PRIOR = {"e5": (0.838, 0.020), "use": (0.119, 0.095)}
PRIOR_WEIGHT = 8  # a pool of n candidates counts n against these 8 pseudo-candidates
HUB_K = 5
HUB_WEIGHT = 0.3
ORG_WEIGHT = 0.2
FIT_WEIGHT = 1.0
MEANING_MIN = 0.6  # absolute closeness, in usual spreads above unrelated texts
PARTIAL_FIT_MARGIN = 1.0
RELATIVE_MIN = -0.5  # final score, in spreads around the mean candidate
VERY_LIKELY = 1.6  # final score from which a candidate is "very likely"
VERY_LIKELY_MEANING = 2.0


@dataclass
class Ranked:
    score: np.ndarray  # final score (relative: spreads above the mean candidate + signals)
    meaning: np.ndarray  # absolute closeness (spreads above unrelated texts)
    kept: np.ndarray  # bool: passes both gates


_SQRT2 = np.float32(np.sqrt(2))


def _split(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each model's block, of unit length again: `encode` scales each block by 1/√2, so a
    product is enough (no norm to compute over thousands of rows)."""
    matrix = np.atleast_2d(matrix)
    return matrix[:, : encoders.E5_DIM] * _SQRT2, matrix[:, encoders.E5_DIM :] * _SQRT2


def _standardise(values: np.ndarray, model: str, shift: float = 0.0) -> np.ndarray:
    """z-scores over the pool, shrunk towards the model's usual mean (moved by `shift`, the
    mean correction already subtracted from `values`) and spread."""
    prior_mean, prior_std = PRIOR[model]
    prior_mean -= shift
    n = len(values)
    if n == 0:
        return values
    mean = (values.sum() + PRIOR_WEIGHT * prior_mean) / (n + PRIOR_WEIGHT)
    variance = (((values - mean) ** 2).sum() + PRIOR_WEIGHT * prior_std**2) / (n + PRIOR_WEIGHT)
    return (values - mean) / max(float(np.sqrt(variance)), 1e-6)


def hubness(offers: np.ndarray, needs: np.ndarray, k: int = HUB_K) -> tuple[np.ndarray, ...]:
    """Per model, each offer's mean similarity to its k nearest needs (0 without needs)."""
    if len(needs) == 0 or len(offers) == 0:
        zeros = np.zeros(len(offers), dtype=np.float32)
        return zeros, zeros
    k = min(k, len(needs))
    result = []
    for offer_part, need_part in zip(_split(offers), _split(needs), strict=True):
        sims = offer_part @ need_part.T
        nearest = np.partition(sims, len(needs) - k, axis=1)[:, -k:]
        result.append(nearest.mean(axis=1))
    return tuple(result)


def rank(
    need: np.ndarray,
    offers: np.ndarray,
    *,
    fit: np.ndarray,
    adjust: np.ndarray | None = None,
    organisations: np.ndarray | None = None,
    hub: tuple[np.ndarray, np.ndarray] | None = None,
) -> Ranked:
    """Scores of `offers` (rows) for `need`; `organisations` rows (or zeros) beside them."""
    n = len(offers)
    if n == 0:
        empty = np.zeros(0, dtype=np.float32)
        return Ranked(empty, empty, np.zeros(0, dtype=bool))
    need_parts = _split(need)
    offer_parts = _split(offers)
    org_parts = _split(organisations) if organisations is not None else (None, None)
    relative, absolute = [], []
    for index, model in enumerate(("e5", "use")):
        sims = offer_parts[index] @ need_parts[index][0]
        if org_parts[index] is not None:
            org_sims = org_parts[index] @ need_parts[index][0]
            has_org = np.abs(organisations[:, :8]).sum(axis=1) > 0  # zero rows: no text
            sims = np.where(has_org, (1 - ORG_WEIGHT) * sims + ORG_WEIGHT * org_sims, sims)
        prior_mean, prior_std = PRIOR[model]
        absolute.append((sims - prior_mean) / prior_std)
        if hub is not None and len(hub[index]):
            correction = HUB_WEIGHT * hub[index]
            relative.append(_standardise(sims - correction, model, float(correction.mean())))
        else:
            relative.append(_standardise(sims, model))
    meaning = (absolute[0] + absolute[1]) / 2
    score = (relative[0] + relative[1]) / 2 + FIT_WEIGHT * (np.asarray(fit) - 1)
    if adjust is not None:
        score = score + adjust
    kept = (meaning >= MEANING_MIN) & (score >= RELATIVE_MIN)
    return Ranked(score=score, meaning=meaning, kept=kept)


def passes(score: float, meaning: float, fit: float) -> bool:
    """The relevance gates; an offer of a kind that only partly meets the need must be
    closer in meaning (`PARTIAL_FIT_MARGIN` more for a kind that does not fit at all)."""
    return score >= RELATIVE_MIN and meaning >= MEANING_MIN + PARTIAL_FIT_MARGIN * (1 - fit)


def level(score: float, meaning: float) -> str:
    return "very_likely" if score >= VERY_LIKELY and meaning >= VERY_LIKELY_MEANING else "possible"


def rank_needs(
    offer: np.ndarray,
    needs: np.ndarray,
    *,
    fit: np.ndarray,
    organisation: np.ndarray | None = None,
) -> Ranked:
    """The other direction: needs (rows) for one offer, the needs being the pool."""
    n = len(needs)
    if n == 0:
        empty = np.zeros(0, dtype=np.float32)
        return Ranked(empty, empty, np.zeros(0, dtype=bool))
    offer_parts = _split(offer)
    org_parts = _split(organisation) if organisation is not None else (None, None)
    relative, absolute = [], []
    for index, model in enumerate(("e5", "use")):
        need_part = _split(needs)[index]
        sims = need_part @ offer_parts[index][0]
        if org_parts[index] is not None and np.linalg.norm(organisation) > 0:
            sims = (1 - ORG_WEIGHT) * sims + ORG_WEIGHT * (need_part @ org_parts[index][0])
        prior_mean, prior_std = PRIOR[model]
        absolute.append((sims - prior_mean) / prior_std)
        relative.append(_standardise(sims, model))
    meaning = (absolute[0] + absolute[1]) / 2
    score = (relative[0] + relative[1]) / 2 + FIT_WEIGHT * (np.asarray(fit) - 1)
    kept = (meaning >= MEANING_MIN) & (score >= RELATIVE_MIN)
    return Ranked(score=score, meaning=meaning, kept=kept)
