from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.contributions.selectors.contributions import contribution_similar
from ensemble.contributions.services.contributions import contribution_create
from ensemble.semantics.registry import registry
from ensemble.semantics.services import embeddings_store
from ensemble.synthesis import labels, selectors, services
from ensemble.synthesis.models import Synthesis, Theme
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


def test_new_contributions_ask_again_debounced(
    territory, consultation, django_capture_on_commit_callbacks
):
    # Before any computation, nothing is asked.
    with django_capture_on_commit_callbacks() as callbacks:
        services.contribution_arrived(Contribution.objects.first())
    assert not Synthesis.objects.filter(requested_at__isnull=False).exists()
    services.themes_compute_now(consultation=consultation)
    with django_capture_on_commit_callbacks() as callbacks:
        services.contribution_arrived(Contribution.objects.first())
        services.contribution_arrived(Contribution.objects.last())
    enqueued = [c for c in callbacks if "themes_compute" in c.__code__.co_names]
    assert len(enqueued) == 1
    # Past the debounce, a new one is asked.
    Synthesis.objects.update(requested_at=timezone.now() - services.DEBOUNCE - timedelta(seconds=1))
    with django_capture_on_commit_callbacks() as callbacks:
        services.contribution_arrived(Contribution.objects.first())
    assert len([c for c in callbacks if "themes_compute" in c.__code__.co_names]) == 1


def test_creating_a_contribution_calls_the_synthesis(territory, consultation, monkeypatch):
    seen = []
    monkeypatch.setattr(services, "themes_request", lambda **kwargs: seen.append(kwargs))
    services.themes_compute_now(consultation=consultation)
    author = member(territory)
    contribution_create(author=author, consultation=consultation, kind="idea",
                        title="Encore une piste cyclable", body="Pour les vélos")  # fmt: skip
    assert seen and seen[0]["consultation"] == consultation


def test_locked_theme_survives_and_hidden_contributions_leave(consultation):
    services.themes_compute_now(consultation=consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    Theme.objects.filter(pk=theme.pk).update(locked=True, label="Gardé")
    gone = theme.contributions.first()
    Contribution.objects.filter(pk=gone.pk).update(is_hidden=True)
    services.themes_compute_now(consultation=consultation)
    theme.refresh_from_db()
    assert theme.label == "Gardé"
    assert gone.pk not in set(theme.contributions.values_list("pk", flat=True))
    assert not Theme.objects.filter(contributions=gone).exists()


def test_labels_are_taken_from_contributions_and_keywords_from_their_words(consultation):
    themes = services.themes_compute_now(consultation=consultation)
    for theme in themes:
        titles = set(theme.contributions.values_list("title", flat=True))
        texts = " ".join(f"{t} {b}" for t, b in theme.contributions.values_list("title", "body"))
        assert theme.label in titles
        assert all(word in labels.words(texts) for word in theme.keywords)


def test_similar_while_typing_finds_by_meaning_first_and_never_internal(consultation, monkeypatch):
    monkeypatch.setattr(selectors, "SIMILAR_FLOOR", 0.0)  # calibrated for the real encoders
    entry = registry.get("contributions.contribution")
    embeddings_store(list(Contribution.objects.all()), text=entry.text)
    found = contribution_similar(
        consultation=consultation, title="Planter des arbres et de l'ombre"
    )
    assert found and "arbres" in found[0].title
    Consultation.objects.filter(pk=consultation.pk).update(
        visibility=Consultation.Visibility.AGENTS
    )
    consultation.refresh_from_db()
    assert contribution_similar(consultation=consultation, title="arbres ombre parc") == []
