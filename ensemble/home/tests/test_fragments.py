"""The territory home's kept parts: never stale after a write, never another audience's."""

import pytest

from ensemble.accounts.display import names_audience
from ensemble.accounts.models import User
from ensemble.activity.services import activity_record
from ensemble.activity.tests.makers import Verb, make_project
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.territories.roles import Role
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import ThemeFactory, UserFactory, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


def _home(territory, user=None, client=None) -> str:
    client = client or clients_for(user)[0]
    return page_html(client, territory.get_absolute_url())


def _news(territory, client) -> str:
    html = _home(territory, client=client)
    return html[html.index('<ol class="activity-list">') :].split("</ol>")[0]


def test_a_new_line_shows_at_once(territory):
    author = member(
        territory, profile_visibility=User.Visibility.PUBLIC, display_name="Camille Dupont"
    )
    assert "Jardin des Lilas" not in _home(territory)
    project = make_project(territory, owner=author, title="Jardin des Lilas")
    activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=author, project=project)
    html = _home(territory)
    assert "Jardin des Lilas" in html and "Camille Dupont" in html


def test_a_renamed_theme_and_a_new_consultation_show_at_once(territory):
    theme = ThemeFactory(territory=territory, name="Mobilité")
    resident = member(territory)
    assert "Mobilité" in _home(territory, resident)
    theme.name = "Mobilités douces"
    theme.save()
    ConsultationFactory(territory=territory, title="Budget des quartiers")
    html = _home(territory, resident)
    assert "Mobilités douces" in html and "Budget des quartiers" in html


def test_an_internal_consultation_is_never_served_to_residents(territory):
    ConsultationFactory(
        territory=territory, title="Réorganisation interne",
        visibility=Consultation.Visibility.AGENTS,
    )  # fmt: skip
    agent, resident, visitor = clients_for(
        member(territory, role=Role.AGENT), member(territory), None
    )
    assert "Réorganisation interne" in _home(territory, client=agent)
    assert "Réorganisation interne" not in _home(territory, client=resident)
    assert "Réorganisation interne" not in _home(territory, client=visitor)


def test_members_only_names_are_never_served_to_visitors(territory):
    author = member(
        territory, profile_visibility=User.Visibility.MEMBERS, display_name="Dominique Vasseur"
    )
    project = make_project(territory, owner=author, title="Atelier vélo")
    activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=author, project=project)
    resident, visitor, stranger = clients_for(member(territory), None, UserFactory())
    assert "Dominique Vasseur" in _home(territory, client=resident)
    assert "Dominique Vasseur" not in _home(territory, client=visitor)
    assert "Dominique Vasseur" not in _home(territory, client=stranger)


def test_a_hidden_person_sees_their_own_name_and_nobody_else_does(territory):
    author = member(
        territory, profile_visibility=User.Visibility.HIDDEN, display_name="Sacha Morel"
    )
    project = make_project(territory, owner=author, title="Repair café")
    activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=author, project=project)
    resident, themselves = clients_for(member(territory), author)
    assert "Sacha Morel" not in _news(territory, resident)
    assert "Sacha Morel" in _news(territory, themselves)  # not only in their own header
    assert "Sacha Morel" not in _news(territory, resident)


def test_names_audiences(territory):
    assert names_audience(None, territory) == "public"
    assert names_audience(member(territory), territory) == "members"
    hidden = member(territory, profile_visibility=User.Visibility.HIDDEN)
    assert names_audience(hidden, territory) == f"user:{hidden.pk}"
    stranger = UserFactory()
    assert names_audience(stranger, territory) == f"user:{stranger.pk}"
    assert names_audience(UserFactory(is_superuser=True), territory) == "all"
