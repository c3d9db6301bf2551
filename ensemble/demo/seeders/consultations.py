"""Demo consultations (see ensemble/demo/seeders/__init__.py); their stories are in
`consultation_stories.py`.

Built with the models, not the services: the stories happened months ago (phases,
charter versions, supports, answers and results dated in the past), and the services
stamp "now" and refuse what a closed phase no longer allows. `keep_timestamps` keeps
the dates; the stored counters are then computed from the rows
(`ensemble.demo.recount`) and the feed lines derived (`ensemble.demo.feed`, by the
activity seeder). Idempotent: a consultation is identified by its title in its
territory and created once.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from ensemble.answers.models import Answer
from ensemble.comments.models import Comment
from ensemble.consultations.models import CharterVersion, Consultation, Phase, Workshop
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.core.timestamps import keep_timestamps
from ensemble.demo.common import demo_point
from ensemble.demo.recount import recount
from ensemble.events.models import Event, Registration
from ensemble.projects.models import Project
from ensemble.results.models import Result, ResultUpdate
from ensemble.territories.models import Neighbourhood, Theme

from .consultation_stories import CONSULTATIONS


def _at(now, day):
    return now + timedelta(days=day)


def _themes(territory, slugs):
    return [
        t for t in Theme.objects.filter(slug__in=slugs) if t.territory_id in (None, territory.pk)
    ]


def _create(context: dict, spec: dict, now) -> Consultation:
    territory = context["territories"][spec["territory"]]
    people = context["people"]
    published = _at(now, spec["phases"][0][1])
    newest_charter = spec["charters"][-1]
    with keep_timestamps(Consultation):
        consultation = Consultation.objects.create(
            territory=territory, title=spec["title"], question=spec["question"],
            description=spec["description"], visibility=spec.get("visibility", "public"),
            status=Consultation.Status.PUBLISHED, published_at=published,
            created_by=people[spec["created_by"]], charter_version=len(spec["charters"]),
            answer_within_days=newest_charter[2], created_at=published - timedelta(days=2),
            updated_at=published,
        )  # fmt: skip
    consultation.themes.set(_themes(territory, spec["themes"]))
    for position, (kind, start, end) in enumerate(spec["phases"]):
        Phase.objects.create(
            consultation=consultation, kind=kind, position=position, starts_at=_at(now, start),
            ends_at=None if end is None else _at(now, end),
        )  # fmt: skip
    for version, (body, changes, days, day) in enumerate(spec["charters"], start=1):
        charter = CharterVersion.objects.create(
            consultation=consultation, version=version, body=body, changes=changes,
            answer_within_days=days, author=people[spec["created_by"]],
        )  # fmt: skip
        CharterVersion.objects.filter(pk=charter.pk).update(created_at=_at(now, day))

    workshops = _workshops(consultation, spec, people, published, now)
    made = _contributions(consultation, spec, people, workshops, now)
    _results(consultation, spec, made, context.get("projects") or {}, now)
    for title, key in spec.get("origin", {}).items():
        for project in _projects(territory, context.get("projects") or {}, [title]):
            Project.objects.filter(pk=project.pk).update(origin_contribution=made[key])
    return consultation


def _workshops(consultation, spec: dict, people: dict, published, now) -> list[Event]:
    territory = consultation.territory
    workshops = []
    with keep_timestamps(Event, Registration):
        for row in spec.get("workshops", []):
            starts = _at(now, row["day"]).replace(hour=18, minute=30, second=0, microsecond=0)
            latitude, longitude = demo_point(territory, row["title"])
            event = Event.objects.create(
                territory=territory, kind=Event.Kind.WORKSHOP,
                title=row["title"], description="Un atelier pour se mettre à la place des "
                "usagers et proposer ensemble, en petits groupes.", starts_at=starts,
                ends_at=starts + timedelta(hours=2, minutes=30), capacity=row["capacity"],
                address=row["address"], latitude=latitude, longitude=longitude,
                participants_count=row["present"], created_by=consultation.created_by,
                created_at=published, updated_at=published,
            )  # fmt: skip
            Workshop.objects.create(event=event, consultation=consultation)
            event.facilitators.set([people[email] for email in row["facilitators"]])
            for position, email in enumerate(row["registered"]):
                at = published + timedelta(days=1, hours=position)
                Registration.objects.create(
                    event=event, user=people[email], status=Registration.Status.REGISTERED,
                    created_at=at, updated_at=at,
                )  # fmt: skip
            workshops.append(event)
    return workshops


def _contributions(consultation, spec: dict, people: dict, workshops, now) -> dict:
    territory = consultation.territory
    made: dict[str, Contribution] = {}
    content_type = ContentType.objects.get_for_model(Contribution)
    with keep_timestamps(Contribution, Answer, Comment):
        for row in spec["contributions"]:
            created = _at(now, row["day"])
            workshop = workshops[row["workshop"]] if "workshop" in row else None
            if workshop is not None:
                created = workshop.ends_at
            contribution = Contribution.objects.create(
                consultation=consultation, territory=territory, kind=row["kind"],
                title=row["title"], body=row["body"], author=people[row["author"]],
                charter_version=CharterVersion.objects.filter(
                    consultation=consultation, created_at__lte=created
                ).order_by("-version").values_list("version", flat=True).first() or 1,
                workshop=workshop, group_size=row.get("group_size"),
                neighbourhood=Neighbourhood.objects.filter(
                    territory=territory, name=row.get("neighbourhood", "")
                ).first(),
                merged_into=made.get(row.get("merged_into")),
                created_at=created, updated_at=created,
            )  # fmt: skip
            contribution.themes.set(_themes(territory, row.get("themes", [])))
            if contribution.merged_into_id:
                contribution.merged_into.coauthors.add(contribution.author)
            made[row["key"]] = contribution
            supporters = row.get("supporters", [])
            for position, email in enumerate(supporters):
                support = Support.objects.create(
                    contribution=contribution, consultation=consultation, user=people[email]
                )
                Support.objects.filter(pk=support.pk).update(
                    created_at=created + timedelta(hours=3 * (position + 1))
                )
            followers = [row["author"], *supporters[:1], *row.get("followers", [])]
            for email in dict.fromkeys(followers):
                ContributionFollow.objects.get_or_create(contribution=contribution,
                                                         user=people[email])  # fmt: skip
            for position, (email, body) in enumerate(row.get("comments", [])):
                at = created + timedelta(days=1 + position)
                Comment.objects.create(
                    territory=territory, content_type=content_type, object_id=contribution.pk,
                    author=people[email], body=body, created_at=at, updated_at=at,
                )  # fmt: skip
            for version, (state, explanation, decided_by, cost, timeline, day) in enumerate(
                row.get("answers", []), start=1
            ):
                author = people["mairie@sceaux.demo" if territory.slug == "sceaux" and
                                 consultation.visibility == "agents" else
                                 "agent@sceaux.demo" if territory.slug == "sceaux" else
                                 "agent@lyon.demo"]  # fmt: skip
                Answer.objects.create(
                    contribution=contribution, consultation=consultation, version=version,
                    state=state, explanation=explanation, decided_by=decided_by, cost=cost,
                    timeline=timeline, author=author,
                    author_role="admin" if author.email.startswith("mairie@") else "agent",
                    created_at=_at(now, day),
                )  # fmt: skip
    return made


def _results(consultation, spec: dict, made: dict, projects: dict, now) -> None:
    territory = consultation.territory
    results: dict[str, Result] = {}
    with keep_timestamps(Result, ResultUpdate):
        for position, row in enumerate(spec.get("results", [])):
            created = _at(now, row["day"])
            result = Result.objects.create(
                consultation=consultation, territory=territory,
                parent=results.get(row.get("parent")), title=row["title"],
                description=row["description"], status=row["status"], progress=row["progress"],
                starts_on=created.date(), position=position, created_at=created,
                updated_at=created,
            )  # fmt: skip
            result.contributions.set([made[key] for key in row["contributions"]])
            result.projects.set(_projects(territory, projects, row["projects"]))
            for title, status, progress, day in row["updates"]:
                ResultUpdate.objects.create(
                    result=result, title=title, status=status, progress=progress,
                    author=consultation.created_by, created_at=_at(now, day),
                    body="Point d'étape publié par la ville.",
                )  # fmt: skip
            results[row["key"]] = result


def _projects(territory, known: dict, titles: list[str]) -> list:
    found = []
    for title in titles:
        project = (
            known.get((territory.slug, title))
            or Project.objects.filter(territory=territory, title=title).first()
        )
        if project is not None:
            found.append(project)
    return found


def seed(context: dict) -> None:
    now = timezone.now()
    consultations = context.setdefault("consultations", {})
    for spec in CONSULTATIONS:
        territory = context["territories"][spec["territory"]]
        consultation = Consultation.objects.filter(territory=territory, title=spec["title"]).first()
        consultations[(spec["territory"], spec["title"])] = consultation or _create(
            context, spec, now
        )
    recount([c.pk for c in consultations.values()])
