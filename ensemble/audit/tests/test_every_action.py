"""Every administrative and moderation action writes exactly one audit entry.

The test walks the services: each action runs on fresh objects and the log must
grow by one entry, of the action named, in the right territory, by the actor.
"""

import pytest
from django.utils import timezone

from ensemble.actors.models import Organisation
from ensemble.actors.services import organisation_unverify, organisation_verify
from ensemble.answers.services import answer_create
from ensemble.audit.models import AuditEntry
from ensemble.comments.services import comment_create, comment_delete, comment_hide, comment_unhide
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState
from ensemble.contributions.services.moderation import (
    contribution_hide,
    contribution_merge,
    contribution_unhide,
)
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.moderation.services import report_create, report_resolve
from ensemble.opendata.services import licence_set
from ensemble.projects.models import Project
from ensemble.sitepages.services import page_publish
from ensemble.territories import services as territory_services
from ensemble.territories.invitations import territory_invite
from ensemble.territories.models import Membership
from ensemble.territories.opening import territory_open, territory_set_active
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member
from ensemble.workbench.services import contribution_assign, department_save

pytestmark = pytest.mark.django_db
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


@pytest.fixture
def admin(territory):
    return member(territory, "admin")


@pytest.fixture
def network_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def _project(territory):
    return Project.objects.create(
        territory=territory,
        title="Jardin",
        summary="Un jardin.",
        status=Project.Status.PUBLISHED,
        published_at=timezone.now(),
    )


def _comment(territory):
    return comment_create(author=member(territory), target=_project(territory), body="Un avis")


def _contribution(territory, **kwargs):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    return ContributionFactory(consultation=consultation, **kwargs)


def _answered(territory, admin):
    contribution = _contribution(territory)
    answer_create(
        author=admin,
        contribution=contribution,
        state=AnswerState.UNDER_STUDY,
        explanation=EXPLANATION,
    )
    return contribution


def _organisation(territory, verified=False):
    return Organisation.objects.create(
        territory=territory, name="Les Amis du Parc", kind="association", is_verified=verified
    )


def _hidden_contribution(territory, admin):
    contribution = _contribution(territory)
    contribution_hide(actor=admin, contribution=contribution, reason="Injurieux")
    return contribution


def _hidden_comment(territory, admin):
    comment = _comment(territory)
    comment_hide(actor=admin, comment=comment, reason="Injurieux")
    return comment


def _report(territory):
    return report_create(reporter=member(territory), target=_comment(territory), reason="spam")


def _template(territory):
    territory.is_template = True
    territory.save()
    return territory


# action → (prepare(territory, admin) → object, act(actor, object, territory))
ACTIONS = {
    "territory.settings": (
        lambda t, a: t,
        lambda actor, t, _: territory_services.territory_update(
            territory=t, actor=actor, data={"name": "Sceaux-sur-Bièvre", "accent_colour": "#1d4f91"}
        ),
    ),
    # The open data licence is a setting of the territory too.
    "territory.settings (licence)": (
        lambda t, a: t,
        lambda actor, t, _: licence_set(actor=actor, territory=t, licence="odbl-1.0"),
    ),
    "membership.role": (
        lambda t, a: Membership.objects.get(user=member(t)),
        lambda actor, m, _: territory_services.membership_set_role(
            actor=actor, membership=m, role="agent"
        ),
    ),
    "membership.remove": (
        lambda t, a: Membership.objects.get(user=member(t)),
        lambda actor, m, _: territory_services.membership_remove(actor=actor, membership=m),
    ),
    "membership.invite": (
        lambda t, a: t,
        lambda actor, t, _: territory_invite(
            actor=actor, territory=t, email="nouvelle@example.org", role="agent"
        ),
    ),
    "theme.add": (
        lambda t, a: t,
        lambda actor, t, _: territory_services.theme_create(
            actor=actor, territory=t, name="Vélo", slug="velo"
        ),
    ),
    "theme.change": (
        lambda t, a: ThemeFactory(territory=t),
        lambda actor, theme, _: territory_services.vocabulary_change(
            actor=actor, item=theme, data={"is_retired": True}
        ),
    ),
    "neighbourhood.add": (
        lambda t, a: t,
        lambda actor, t, _: territory_services.neighbourhood_create(
            actor=actor, territory=t, name="Les Blagis", slug="les-blagis"
        ),
    ),
    "neighbourhood.change": (
        lambda t, a: NeighbourhoodFactory(territory=t),
        lambda actor, n, _: territory_services.vocabulary_change(
            actor=actor, item=n, data={"name": "Robinson", "position": 3}
        ),
    ),
    "organisation.verify": (
        lambda t, a: _organisation(t),
        lambda actor, o, _: organisation_verify(actor=actor, organisation=o),
    ),
    "organisation.unverify": (
        lambda t, a: _organisation(t, verified=True),
        lambda actor, o, _: organisation_unverify(actor=actor, organisation=o),
    ),
    "report.dismiss": (
        lambda t, a: _report(t),
        lambda actor, r, _: report_resolve(
            actor=actor, report=r, upheld=False, reason="Rien d'anormal"
        ),
    ),
    # Upholding a report hides the comment: the one entry is the hiding's.
    "comment.hide": (
        lambda t, a: _report(t),
        lambda actor, r, _: report_resolve(actor=actor, report=r, upheld=True, reason="Publicité"),
    ),
    "comment.unhide": (_hidden_comment, lambda actor, c, _: comment_unhide(actor=actor, comment=c)),
    "comment.delete": (
        lambda t, a: _comment(t),
        lambda actor, c, _: comment_delete(actor=actor, comment=c),
    ),
    "contribution.hide": (
        lambda t, a: _contribution(t),
        lambda actor, c, _: contribution_hide(
            actor=actor, contribution=c, reason="Propos injurieux"
        ),
    ),
    "contribution.unhide": (
        _hidden_contribution,
        lambda actor, c, _: contribution_unhide(actor=actor, contribution=c),
    ),
    "contribution.merge": (
        lambda t, a: _contribution(t),
        lambda actor, c, _: contribution_merge(
            actor=actor,
            source=c,
            target=ContributionFactory(consultation=c.consultation),
            reason="Doublon",
        ),
    ),
    "answer.publish": (
        lambda t, a: _contribution(t),
        lambda actor, c, _: answer_create(
            author=actor, contribution=c, state=AnswerState.ACCEPTED, explanation=EXPLANATION
        ),
    ),
    "answer.revise": (
        _answered,
        lambda actor, c, _: answer_create(
            author=actor, contribution=c, state=AnswerState.ACCEPTED, explanation=EXPLANATION
        ),
    ),
    "page.publish": (
        lambda t, a: t,
        lambda actor, t, _: page_publish(
            actor=actor, territory=t, kind="legal", title="Mentions légales", body="Éditeur : …"
        ),
    ),
    "department.change": (
        lambda t, a: t,
        lambda actor, t, _: department_save(actor=actor, territory=t, name="Voirie"),
    ),
    "contribution.assign": (
        lambda t, a: _contribution(t),
        lambda actor, c, _: contribution_assign(actor=actor, contribution=c, agent=actor),
    ),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_action_writes_exactly_one_entry(territory, admin, action):
    prepare, act = ACTIONS[action]
    target = prepare(territory, admin)
    before = AuditEntry.objects.count()
    act(admin, target, territory)
    entries = list(AuditEntry.objects.order_by("-pk")[: AuditEntry.objects.count() - before])
    assert [entry.action for entry in entries] == [action.split(" ")[0]]
    assert entries[0].territory_id == territory.pk and entries[0].actor_id == admin.pk


@pytest.mark.parametrize("active", [False, True])
def test_deactivating_and_reactivating_writes_one_entry(territory, network_admin, active):
    territory.is_active = not active
    territory.save()
    territory_set_active(actor=network_admin, territory=territory, active=active)
    territory_set_active(actor=network_admin, territory=territory, active=active)  # no change
    assert list(AuditEntry.objects.values_list("action", flat=True)) == [
        "territory.reactivate" if active else "territory.deactivate"
    ]


def test_opening_a_territory_writes_one_entry(territory, network_admin):
    _template(territory)
    new, _invitation = territory_open(
        actor=network_admin,
        name="Exampleville",
        slug="exampleville",
        template="sceaux",
        first_admin_email="maire@exampleville.fr",
    )
    entries = list(AuditEntry.objects.all())
    assert [(e.action, e.territory_id) for e in entries] == [("territory.open", new.pk)]


def test_a_refused_action_writes_nothing(territory):
    resident = member(territory)
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied, whatever the service
        territory_services.territory_update(
            territory=territory, actor=resident, data={"name": "Piraté"}
        )
    assert not AuditEntry.objects.exists()


def test_an_authors_own_deletion_and_a_repeated_hide_write_nothing_more(territory, admin):
    comment = _comment(territory)
    comment_delete(actor=comment.author, comment=comment)
    contribution = _hidden_contribution(territory, admin)
    contribution_hide(actor=admin, contribution=contribution, reason="Encore")
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["contribution.hide"]
