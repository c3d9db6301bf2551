"""The labelled set of bench/matching must keep its figures (regressions fail here)."""

from ensemble.matching import evaluation

# Reached when written: precision@3 0.822, MRR 0.992 (60 needs, 150 actors).
PRECISION_FLOOR = 0.78
MRR_FLOOR = 0.95


def test_ranking_quality_on_the_labelled_set(db):
    dataset = evaluation.dataset_module()
    assert len(dataset.needs()) >= 60
    assert len(dataset.actors()) >= 150
    results = evaluation.evaluate(evaluation.load(dataset))
    assert results["precision_at_3"] >= PRECISION_FLOOR, results
    assert results["mrr"] >= MRR_FLOOR, results


def test_opted_out_and_hidden_actors_of_the_set_never_appear(db):
    dataset = evaluation.dataset_module()
    loaded = evaluation.load(dataset)
    excluded = {a["id"] for a in dataset.actors() if not a["contactable"] or a["hidden"]}
    from ensemble.matching.selectors import need_candidates

    for need, _relevant in loaded.needs[::6]:
        found = {
            loaded.keys[(c.actor_type, c.actor.pk)]
            for c in need_candidates(need=need, viewer=None, limit=50)
        }
        assert not found & excluded
