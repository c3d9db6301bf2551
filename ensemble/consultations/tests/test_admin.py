"""The Django admin of consultations: every list and page opens, lists stay flat, and what
the services keep true (counters, answers, charter versions, supports) is read-only."""

import pytest
from django.contrib import admin
from django.test import override_settings
from django.urls import reverse

from ensemble.answers.models import Answer
from ensemble.answers.services import answer_create
from ensemble.consultations.models import CharterVersion, Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.results.models import Result, ResultUpdate
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries, count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_mfa")]
MODELS = [Consultation, Contribution, Answer, Result, Support]
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


@pytest.fixture
def _no_mfa():
    with override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=False):
        yield


@pytest.fixture
def superuser(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration")


def _changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _change(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def _grow(consultation, n: int) -> None:
    """n contributions, each supported and answered, and n results with a timeline."""
    territory = consultation.territory
    agent = member(territory, Role.AGENT)
    supporter = UserFactory()
    while Contribution.objects.filter(consultation=consultation).count() < n:
        contribution = ContributionFactory(consultation=consultation, author=UserFactory())
        Support.objects.create(contribution=contribution, consultation=consultation,
                               user=supporter)  # fmt: skip
        answer_create(author=agent, contribution=contribution, state="accepted",
                      explanation=EXPLANATION)  # fmt: skip
        result = Result.objects.create(consultation=consultation, territory=territory,
                                       title=f"Résultat {contribution.pk}")  # fmt: skip
        result.contributions.add(contribution)
        ResultUpdate.objects.create(result=result, title="Lancement", status="in_progress",
                                    progress=10, author=agent)  # fmt: skip


def test_every_model_is_registered():
    for model in MODELS:
        assert model in admin.site._registry, model


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelists_stay_flat(client, superuser, consultation, model):
    assert_flat_queries(client, _changelist(model), lambda n: _grow(consultation, n),
                        small=3, large=12)  # fmt: skip


def test_change_pages_open(client, superuser, consultation):
    _grow(consultation, 3)
    contribution = Contribution.objects.filter(consultation=consultation).first()
    pages = [
        consultation, contribution, Answer.objects.first(), Result.objects.first(),
        Support.objects.first(),
    ]  # fmt: skip
    for obj in pages:
        assert count_queries(client, _change(obj)) < 60, obj
    filtered = _changelist(Contribution) + f"?consultation__id__exact={consultation.pk}"
    for query in ("kind__exact=idea", "answer_state__exact=accepted", "is_hidden__exact=1",
                  "q=Idée"):  # fmt: skip
        assert client.get(f"{filtered}&{query}").status_code == 200, query


def test_what_the_services_keep_true_is_read_only(client, superuser, consultation):
    _grow(consultation, 1)
    contribution = Contribution.objects.get(consultation=consultation)
    answer, support = Answer.objects.get(), Support.objects.get()
    # Answers and supports: read, never changed, added or deleted.
    for obj in (answer, support):
        page = client.get(_change(obj)).content.decode()
        assert 'name="_save"' not in page
        assert client.post(_change(obj), {}).status_code == 403
        name = obj._meta.model_name
        assert client.get(reverse(f"admin:{obj._meta.app_label}_{name}_add")).status_code == 403
        delete = reverse(f"admin:{obj._meta.app_label}_{name}_delete", args=[obj.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Answer.objects.count() == Support.objects.count() == 1
    # A contribution's counters and moderation are not form fields.
    form = client.get(_change(contribution)).context["adminform"].form
    for name in ("supports_count", "is_hidden", "merged_into", "answer_state", "consultation"):
        assert name not in form.fields, name
    assert "title" in form.fields
    assert client.get(reverse("admin:contributions_contribution_add")).status_code == 403
    # Charter versions are shown, never edited.
    formsets = client.get(_change(consultation)).context["inline_admin_formsets"]
    charter = next(f for f in formsets if f.formset.model is CharterVersion)
    assert not charter.has_change_permission and not charter.has_add_permission
    assert charter.formset.forms and "body" not in charter.formset.forms[0].fields


def test_editing_a_contribution_keeps_the_search_true(client, superuser, consultation):
    from ensemble.search.models import SearchEntry

    contribution = ContributionFactory(consultation=consultation, title="Des bancs")
    data = {
        "kind": "idea", "title": "Des bancs au jardin", "body": contribution.body,
        "author": contribution.author_id, "address": "", "latitude": "", "longitude": "",
        "image_alt": "", "neighbourhood": "", "coauthors": "", "workshop": "", "group_size": "",
    }  # fmt: skip
    response = client.post(_change(contribution), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = SearchEntry.objects.get(kind="contribution", object_id=contribution.pk)
    assert entry.title == "Des bancs au jardin"
    assert Contribution.objects.get(pk=contribution.pk).consultation_id == consultation.pk
