"""Read-time fallback and the process cache: what the task has not embedded yet is
embedded when asked for, and large pools are read once."""

import numpy as np
import pytest

from ensemble.semantics import encoders, registry, selectors
from ensemble.semantics.models import Embedding
from ensemble.semantics.services import vector_current, vectors_ensure
from ensemble.territories.models import Territory
from ensemble.testing.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def territories_embeddable():
    entry = registry.register("territories.territory", text=lambda territory: territory.name)
    yield entry
    registry.registry.unregister(entry.label)


def test_missing_vectors_are_embedded_and_stored_within_the_limit(territories_embeddable):
    ids = [t.pk for t in TerritoryFactory.create_batch(3)]
    found = vectors_ensure(Territory, ids, limit=2)
    assert len(found) == 2
    assert Embedding.objects.count() == 2
    assert len(vectors_ensure(Territory, ids)) == 3


def test_the_current_vector_follows_a_changed_text(territories_embeddable):
    territory = TerritoryFactory(name="Sceaux")
    first = vector_current(territory)
    territory.name = "Lyon"
    territory.save()
    second = vector_current(territory)
    assert not np.allclose(first, second)
    assert np.allclose(second, encoders.encode(["Lyon"])[0])


def test_large_pools_are_cached_and_see_later_changes(territories_embeddable, monkeypatch):
    monkeypatch.setattr(selectors, "CACHE_MIN", 1)
    selectors.cache_clear()
    territory = TerritoryFactory(name="Sceaux")
    vectors_ensure(Territory, [territory.pk])
    before = selectors.vectors_cached(Territory, [territory.pk])[territory.pk]
    territory.name = "Lyon"
    territory.save()
    vector_current(territory)
    after = selectors.vectors_cached(Territory, [territory.pk])[territory.pk]
    assert not np.allclose(before, after)
    selectors.cache_clear()


def test_the_memo_round_trips(tmp_path):
    vector = encoders.encode(["Une salle polyvalente"])[0]
    path = tmp_path / "memo.npz"
    assert encoders.memo_save(path) >= 1
    encoders._memo.clear()
    assert encoders.memo_load(path) >= 1
    assert np.allclose(encoders.encode(["Une salle polyvalente"])[0], vector)
