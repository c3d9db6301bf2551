"""Stored vectors: embedded once, again only when the text changes, forgotten when deleted."""

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ensemble.semantics import encoders, registry
from ensemble.semantics.models import Embedding
from ensemble.semantics.selectors import matrix, similarities, vectors
from ensemble.semantics.services import embeddings_refresh_now, embeddings_store
from ensemble.semantics.tasks import embed_on_commit
from ensemble.territories.models import Territory
from ensemble.testing.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def territories_embeddable():
    entry = registry.register("territories.territory", text=lambda territory: territory.name)
    yield entry
    registry.registry.unregister(entry.label)


def _name(territory):
    return territory.name


def test_store_embeds_once_and_again_only_when_the_text_changes():
    territory = TerritoryFactory(name="Ville des jardins partagés")
    assert embeddings_store([territory], text=_name) == 1
    assert embeddings_store([territory], text=_name) == 0
    territory.name = "Ville des ateliers de réparation"
    assert embeddings_store([territory], text=_name) == 1
    assert Embedding.objects.count() == 1
    stored = vectors(Territory, [territory.pk])[territory.pk]
    assert np.allclose(stored, encoders.encode([territory.name])[0], atol=1e-5)


def test_matrix_keeps_the_order_given_and_skips_what_is_not_embedded():
    first, second, missing = TerritoryFactory.create_batch(3)
    embeddings_store([second, first], text=_name)
    ids, rows = matrix(Territory, [second.pk, missing.pk, first.pk])
    assert ids == [second.pk, first.pk]
    assert rows.shape == (2, encoders.DIM)
    assert similarities(rows[0], rows)[0] == pytest.approx(1, abs=1e-4)


def test_matrix_of_nothing_is_empty():
    ids, rows = matrix(Territory, [])
    assert ids == [] and rows.shape == (0, encoders.DIM)
    assert similarities(np.zeros(encoders.DIM), rows).shape == (0,)


def test_refresh_forgets_deleted_objects(territories_embeddable):
    kept, gone = TerritoryFactory.create_batch(2)
    assert embeddings_refresh_now("territories.territory") == 2
    gone_pk = gone.pk
    gone.delete()
    embeddings_refresh_now("territories.territory", [kept.pk, gone_pk])
    assert set(Embedding.objects.values_list("object_id", flat=True)) == {kept.pk}


def test_a_save_queues_the_task_after_commit(
    territories_embeddable, django_capture_on_commit_callbacks
):
    territory = TerritoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        embed_on_commit(territory)
    assert list(vectors(Territory, [territory.pk])) == [territory.pk]


def test_the_command_refuses_an_unknown_model():
    with pytest.raises(CommandError, match="not an embeddable"):
        call_command("embed", "accounts.user")


def test_the_command_embeds_every_registered_model(territories_embeddable, capsys):
    TerritoryFactory.create_batch(2)
    call_command("embed")
    assert "territories.territory: 2 embedded" in capsys.readouterr().out
