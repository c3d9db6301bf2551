"""The questionnaire API and pages: refusals, results as charts and tables, CSV, flat queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.questionnaires.models import Response
from ensemble.questionnaires.services import questionnaire_set, response_submit
from ensemble.questionnaires.tests.factories import by_text, questionnaire_consultation
from ensemble.testing.factories import PASSWORD, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
API = "/api/v1"


def send(client, method, path, user=None, data=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"} if user else {}
    return getattr(client, method)(API + path, data, content_type="application/json", **headers)


def page(name, consultation, **extra):
    return reverse(
        f"questionnaires:{name}",
        kwargs={
            "territory_slug": consultation.territory.slug,
            "consultation_pk": consultation.pk,
            **extra,
        },
    )


def test_the_api_answers_and_refuses(client, territory, other_territory):
    consultation, questionnaire = questionnaire_consultation(territory)
    q = by_text(questionnaire)
    path = f"/consultations/{consultation.pk}"
    shown = send(client, "get", f"{path}/questionnaire").json()
    assert (
        len(shown["questions"]) == 9
        and shown["questions"][1]["show_if"] == q["Venez-vous à vélo ?"]
    )
    body = {"answers": {str(q["Venez-vous à vélo ?"]): "Oui"}}
    assert send(client, "post", f"{path}/responses", data=body).status_code == 401
    assert (
        send(client, "post", f"{path}/responses", member(other_territory), body).status_code == 403
    )
    person = member(territory)
    missing = send(client, "post", f"{path}/responses", person, body)
    assert (
        missing.status_code == 400 and f"q_{q['Quels aménagements ?']}" in missing.json()["errors"]
    )
    body["answers"][str(q["Quels aménagements ?"])] = ["Pistes"]
    created = send(client, "post", f"{path}/responses", person, body)
    assert created.status_code == 201
    assert created.json()["my_answers"][str(q["Quels aménagements ?"])] == ["Pistes"]
    results = send(client, "get", f"{path}/questionnaire/results").json()
    first = results["questions"][0]
    assert first["answered"] == 1
    assert {b["label"]: (b["count"], b["percent"]) for b in first["bars"]} == {
        "Oui": (1, 100.0),
        "Non": (0, 0.0),
    }


def test_agents_put_the_questionnaire_through_the_api(client, territory):
    consultation, _questionnaire = questionnaire_consultation(territory)
    path = f"/consultations/{consultation.pk}/questionnaire"
    body = {
        "title": "Sondage",
        "is_anonymous": True,
        "questions": [{"kind": "scale", "text": "Note ?", "scale_max": 10, "required": True}],
    }
    assert send(client, "put", path, member(territory), body).status_code == 403
    response = send(client, "put", path, member(territory, "agent"), body)
    assert response.status_code == 200 and response.json()["is_anonymous"] is True


def test_the_pages_answer_edit_show_results_and_export_without_personal_data(client, territory):
    consultation, questionnaire = questionnaire_consultation(territory)
    q = by_text(questionnaire)
    person = member(territory, display_name="Camille Secret")
    client.login(email=person.email, password=PASSWORD)
    assert client.get(page("questionnaire", consultation)).status_code == 200
    refused = client.post(
        page("questionnaire", consultation), {f"q_{q['Venez-vous à vélo ?']}": "Oui"}
    )
    assert refused.status_code == 400 and "attend une réponse" in refused.content.decode()
    answered = client.post(
        page("questionnaire", consultation),
        {
            f"q_{q['Venez-vous à vélo ?']}": "Oui",
            f"q_{q['Quels aménagements ?']}": ["Arceaux"],
            f"q_{q['Vos priorités']}__1": "1",
            f"q_{q['Vos priorités']}__0": "2",
            f"q_{q['Votre avis']}__0": "Bien",
            f"q_{q['Vos idées']}": "Plus d'arceaux à la gare.",
        },
    )
    assert answered.status_code == 302
    edit = client.get(page("questionnaire", consultation)).content.decode()
    checked = f'value="Arceaux" id="id_q_{q["Quels aménagements ?"]}_1" checked'
    assert "Changer mes réponses" in edit and checked in edit
    results = client.get(page("questionnaire_results", consultation)).content.decode()
    assert "<svg" in results and "<table" in results and "Plus d&#x27;arceaux à la gare." in results
    assert client.get(page("questionnaire_export", consultation)).status_code == 403
    client.force_login(member(territory, "agent"))
    export = client.get(page("questionnaire_export", consultation))
    content = export.content.decode()
    assert export.status_code == 200 and "Confort > Sécurité" in content
    assert "Camille" not in content and person.email not in content
    assert client.get(page("questionnaire_manage", consultation)).status_code == 200


def test_the_pages_keep_a_fixed_number_of_queries(client, territory):
    consultation, questionnaire = questionnaire_consultation(territory)
    q = by_text(questionnaire)

    def grow(count):
        for _ in range(Response.objects.count(), count):
            response_submit(
                user=member(territory),
                questionnaire=questionnaire,
                answers={
                    q["Venez-vous à vélo ?"]: "Oui",
                    q["Quels aménagements ?"]: ["Pistes"],
                    q["Vos idées"]: "Une idée.",
                    q["Votre avis"]: {"Pistes": "Bien"},
                    q["Kilomètres par semaine"]: 3,
                },
            )

    client.force_login(member(territory))
    assert_flat_queries(client, page("questionnaire", consultation), grow)
    assert_flat_queries(
        client, page("questionnaire_results", consultation), grow, small=50, large=70
    )


def test_a_quick_poll_on_the_territory_home(client, territory, other_territory):
    agent = member(territory, "agent")
    poll = questionnaire_set(
        actor=agent,
        territory=territory,
        title="Le marché du dimanche ?",
        opens_at=timezone.now() - timedelta(hours=1),
        questions=[
            {
                "kind": "single",
                "text": "Y allez-vous ?",
                "options": ["Oui", "Non"],
                "required": True,
            }
        ],
    )
    home = reverse("home:home", kwargs={"territory_slug": territory.slug})
    assert "Le marché du dimanche ?" in client.get(home).content.decode()
    assert (
        "Le marché du dimanche ?"
        not in client.get(
            reverse("home:home", kwargs={"territory_slug": other_territory.slug})
        ).content.decode()
    )
    url = reverse("questionnaires:poll", kwargs={"territory_slug": territory.slug, "pk": poll.pk})
    question = poll.questions.get()
    client.force_login(member(other_territory))
    assert client.post(url, {f"q_{question.pk}": "Oui"}).status_code == 403  # not a member
    client.force_login(member(territory))
    assert client.post(url, {f"q_{question.pk}": "Oui"}).status_code == 302
    assert "Y allez-vous ?" not in client.get(home).content.decode()  # answered: results only
    other = reverse(
        "questionnaires:poll", kwargs={"territory_slug": other_territory.slug, "pk": poll.pk}
    )
    assert client.get(other).status_code == 404
