import pytest

from ensemble.actors.models import Offer, Organisation
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.matching import ranking
from ensemble.projects.tests.factories import ProjectFactory, draft_project
from ensemble.synthesis import services
from ensemble.synthesis.models import Theme
from ensemble.territories.roles import Role
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
WORDS = "piste cyclable vélo boulevard protégée"


@pytest.fixture(autouse=True)
def fake_priors(monkeypatch):
    # The fake encoders' cosines are not the real models' (ranking.PRIOR).
    monkeypatch.setattr(ranking, "PRIOR", {"e5": (0.05, 0.05), "use": (0.05, 0.05)})


def _organisation(territory, *, contactable=True, title=WORDS):
    owner = member(territory)
    organisation = Organisation.objects.create(
        territory=territory, created_by=owner, name=f"Assoc {title[:10]} {contactable}",
        kind=Organisation.Kind.choices[0][0], contactable=contactable,
    )  # fmt: skip
    Offer.objects.create(organisation=organisation, territory=territory, kind="skills", title=title)
    return organisation


def test_related_ranks_the_territory_s_visible_actors_with_reasons(
    client, territory, other_territory
):
    consultation = ConsultationFactory(territory=territory)
    contribution = ContributionFactory(consultation=consultation, title="Piste cyclable",
                                       body=f"Une {WORDS} rue de Paris")  # fmt: skip
    for index in range(6):
        ProjectFactory(
            territory=territory, title=f"Jardin partagé {index}",
            summary="Potager fleurs légumes", description="Cultiver ensemble",
        )  # fmt: skip
    cycling = ProjectFactory(territory=territory, title="Vélo-école", summary=WORDS)
    elsewhere = ProjectFactory(territory=other_territory, title="Vélo ailleurs", summary=WORDS)
    draft = draft_project(territory=territory, title="Vélo brouillon", summary=WORDS)
    shown = _organisation(territory)
    hidden = _organisation(territory, contactable=False)
    _organisation(territory, title="Cours de cuisine et pâtisserie")
    client.force_login(member(territory))
    response = client.get(f"/api/v1/contributions/{contribution.pk}/related")
    assert response.status_code == 200, response.content
    items = response.json()
    projects = [i["id"] for i in items if i["kind"] == "project"]
    organisations = [i["id"] for i in items if i["kind"] == "organisation"]
    assert projects[0] == cycling.pk
    assert elsewhere.pk not in projects and draft.pk not in projects
    assert organisations[0] == shown.pk and hidden.pk not in organisations
    first = next(i for i in items if i["kind"] == "organisation")
    assert first["reasons"] and first["offers"][0]["title"] == WORDS


def test_related_of_a_draft_theme_is_for_agents_only(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    for index in range(6):
        ContributionFactory(consultation=consultation, title=f"Vélo {index}", body=WORDS)
    services.themes_compute_now(consultation=consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    for person in (member(territory), member(other_territory, Role.AGENT)):
        client.force_login(person)
        assert client.get(f"/api/v1/themes/{theme.pk}/related").status_code == 404
    client.force_login(member(territory, Role.AGENT))
    assert client.get(f"/api/v1/themes/{theme.pk}/related").status_code == 200


def test_related_of_an_internal_consultation_is_hidden(client, territory):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS
    )
    contribution = ContributionFactory(consultation=consultation)
    client.force_login(member(territory))
    assert client.get(f"/api/v1/contributions/{contribution.pk}/related").status_code == 404
