"""The labelled sets of bench/matching must keep their figures (regressions fail here).

The texts' vectors come from bench/matching/vectors.npz (the models' own output, saved by
`matching_evaluate --save-vectors`); a text changed since is embedded again."""

import pytest

from ensemble.matching import evaluation
from ensemble.matching.selectors import need_candidates

# Reached when written (docs/matching.md): plain 1.00 / 1.00 / 1.00, paraphrase
# .891 / .969 / .931 (hit@1, hit@3, MRR). The floors are a little below.
FLOORS = {
    "plain": {"hit_at_1": 0.95, "hit_at_3": 0.95, "mrr": 0.95},
    "paraphrase": {"hit_at_1": 0.84, "hit_at_3": 0.93, "mrr": 0.89},
}


@pytest.fixture(autouse=True)
def _vectors():
    evaluation.vectors_load()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_ranking_quality_on_the_labelled_sets(db, name):
    dataset = evaluation.dataset_module(evaluation.SETS[name])
    assert len(dataset.needs()) >= 60
    assert len(dataset.actors()) >= 150
    results = evaluation.evaluate(evaluation.load(dataset))
    for metric, floor in FLOORS[name].items():
        assert results[metric] >= floor, (metric, results)
    assert results["without_reason"] == 0


def test_opted_out_and_hidden_actors_of_the_set_never_appear(db):
    dataset = evaluation.dataset_module()
    loaded = evaluation.load(dataset)
    excluded = {a["id"] for a in dataset.actors() if not a["contactable"] or a["hidden"]}
    for need, _relevant in loaded.needs[::6]:
        found = {
            loaded.keys[(c.actor_type, c.actor.pk)]
            for c in need_candidates(need=need, viewer=None, limit=50)
        }
        assert not found & excluded
