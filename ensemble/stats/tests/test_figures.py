"""The figures of the dashboards equal the same figures counted by brute force, in Python,
object by object; and only public things are counted."""

from statistics import median

import pytest
from django.utils import timezone

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.consultations.models import Consultation, Participant
from ensemble.contributions.models import Contribution, Support
from ensemble.events.models import Event
from ensemble.introductions.models import Introduction
from ensemble.projects.models import Need, Project
from ensemble.results.models import Result
from ensemble.stats import services
from ensemble.territories.models import Membership

from .world import populate

pytestmark = pytest.mark.django_db


def _public(consultation) -> bool:
    return consultation.status == "published" and consultation.visibility == "public"


def brute_force(territory) -> dict:
    def mine(rows):
        return [row for row in rows if territory is None or row.territory_id == territory.pk]

    projects = [p for p in mine(Project.objects.all()) if p.status == "published"]
    needs = [n for n in mine(Need.objects.all()) if n.project.status == "published"]
    fulfilled = [n for n in needs if n.fulfilled_at]
    consultations = [c for c in mine(Consultation.objects.all()) if _public(c)]
    contributions = [
        c for c in Contribution.objects.all()
        if c.consultation in consultations and not c.is_hidden and c.merged_into_id is None
    ]  # fmt: skip
    answered = [c for c in contributions if c.answer_state and c.first_answered_at]
    now = timezone.now()
    events = [
        e for e in mine(Event.objects.all())
        if not e.is_cancelled and e.ends_at <= now
        and (not hasattr(e, "workshop") or _public(e.workshop.consultation))
    ]  # fmt: skip
    intros = [i for i in Introduction.objects.all()
              if territory is None or i.need.territory_id == territory.pk]  # fmt: skip
    results = [r for r in mine(Result.objects.all())
               if _public(r.consultation) and r.parent_id is None]  # fmt: skip
    overdue = [c for c in contributions if not c.first_answered_at and
               (now - c.created_at).days >= c.consultation.answer_within_days]  # fmt: skip
    days = lambda pairs: round(median((b - a).total_seconds() / 86400 for a, b in pairs), 1)  # noqa: E731
    return {
        "members": len({m.user_id for m in mine(Membership.objects.all())}) if territory
        else sum(1 for u in User.objects.all() if u.is_active and u.erased_at is None),
        "organisations": len(mine(Organisation.objects.all())),
        "organisations_verified": sum(1 for o in mine(Organisation.objects.all()) if o.is_verified),
        "projects": len(projects),
        "needs_opened": len(needs),
        "needs_fulfilled": len(fulfilled),
        "needs_median_days": days((n.created_at, n.fulfilled_at) for n in fulfilled),
        "introductions_asked": len(intros),
        "introductions_accepted": sum(1 for i in intros if i.status == "accepted"),
        "introductions_helpful": sum(1 for i in intros if i.outcome == "helped"),
        "events": len(events),
        "events_registrations": sum(e.registered_count for e in events),
        "events_attendance": sum(e.participants_count or 0 for e in events),
        "consultations": len(consultations),
        "contributions": len(contributions),
        "supports": sum(1 for s in Support.objects.all() if s.contribution in contributions),
        "participants_online": sum(1 for p in Participant.objects.all()
                                   if p.consultation in consultations),
        "participants_in_person": sum(e.participants_count or 0 for e in events
                                      if hasattr(e, "workshop")),
        "answer_rate": round(100 * len(answered) / len(contributions), 1),
        "answer_median_days": days((c.created_at, c.first_answered_at) for c in answered),
        "overdue": len(overdue),
        "results": len(results),
        "results_done": sum(1 for r in results if r.status == "done"),
        "results_progress": round(sum(r.progress for r in results) / len(results), 1),
    }  # fmt: skip


@pytest.mark.parametrize("size", [3, 8])
def test_territory_figures_equal_brute_force(client, territory, other_territory, size):
    populate(territory, size=size)
    populate(other_territory, size=2)
    services.snapshots_compute()
    current = client.get(f"/api/v1/territories/{territory.slug}/stats").json()["current"]
    expected = brute_force(territory)
    assert {key: current[key] for key in expected} == expected


def test_network_figures_equal_brute_force(client, territory, other_territory):
    populate(territory, size=4)
    populate(other_territory, size=2)
    services.snapshots_compute()
    current = client.get("/api/v1/stats").json()["current"]
    expected = brute_force(None)
    assert {key: current[key] for key in expected} == expected


def test_projects_by_stage_and_theme(client, territory):
    populate(territory, size=5)
    services.snapshots_compute()
    current = client.get(f"/api/v1/territories/{territory.slug}/stats").json()["current"]
    published = Project.objects.filter(territory=territory, status="published")
    assert current["projects_by_stage"] == {
        stage: published.filter(stage=stage).count() for stage in Project.Stage.values
    }
    assert current["projects_by_theme"] == {
        "Nature": published.filter(themes__slug="nature").count()
    }


def test_internal_and_hidden_things_are_not_counted(client, territory):
    populate(territory, size=2)
    services.snapshots_compute()
    current = client.get(f"/api/v1/territories/{territory.slug}/stats").json()["current"]
    assert current["consultations"] == 1  # the internal one is left out
    assert current["contributions"] == 2  # neither the hidden nor the internal one
    assert current["participants_in_person"] == 12  # not the internal workshop's 5
    assert current["results"] == 2
