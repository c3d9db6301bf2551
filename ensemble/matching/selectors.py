"""Who could meet a need, and which needs an actor could meet, ranked by `scoring.score`.

Both reads prefilter in SQL (offers/needs of a compatible kind, active and
contactable actors, a cheap pre-rank: same territory, same kind, same
neighbourhood, verified) down to PRERANK_LIMIT rows, then score those in
Python. The number of queries does not depend on how many rows come back.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Q, Value, When

from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.needtypes.types import need_type, need_types
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.territories.models import Theme

from . import responsiveness
from .scoring import Match, NeedFacts, OfferFacts, score

PRERANK_LIMIT = 300


@dataclass
class Candidate:
    """An actor who could meet a need: exactly one of `organisation` and `user`."""

    score: float
    reasons: list[str]
    offer: Offer
    organisation: Organisation | None = None
    user: User | None = None

    @property
    def actor(self):
        return self.organisation or self.user

    @property
    def actor_type(self) -> str:
        return "organisation" if self.organisation else "person"

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation else self.user.display_name

    @property
    def verified(self) -> bool:
        return bool(self.organisation and self.organisation.is_verified)

    @property
    def url(self) -> str:
        return self.actor.get_absolute_url()


@dataclass
class Opportunity:
    """An open need the actor could meet, through its best `offer`."""

    need: Need
    score: float
    reasons: list[str]
    offer: Offer

    @property
    def project(self) -> Project:
        return self.need.project


def offer_kinds_for(need_kind: str) -> list[str]:
    """Offer kinds that meet a need of `need_kind`, fully or partly (from the registry)."""
    return sorted(t.kind for t in need_types() if need_type(need_kind).offer_fit(t.kind) > 0)


def need_kinds_for(offer_kinds) -> list[str]:
    offer_kinds = set(offer_kinds)
    return sorted(
        t.kind for t in need_types() if any(t.offer_fit(kind) > 0 for kind in offer_kinds)
    )


def _themes(themes) -> dict[str, str]:
    return {theme.slug: theme.name for theme in themes}


def need_facts(need: Need) -> NeedFacts:
    """Needs `need.project` with its neighbourhood and (prefetched) themes."""
    project = need.project
    return NeedFacts(
        kind=need.kind,
        title=need.title,
        description=need.description,
        skill=need.skill,
        territory_id=need.territory_id,
        neighbourhood_id=project.neighbourhood_id,
        latitude=project.latitude,
        longitude=project.longitude,
        themes=_themes(project.themes.all()),
    )


@dataclass
class ActorData:
    """What scoring reads about the actors of a batch of offers, fetched once for all."""

    counts: dict
    themes: dict  # ("organisation"|"person", pk) → {slug: name}


def _key(offer: Offer) -> tuple[str, int]:
    if offer.organisation_id:
        return ("organisation", offer.organisation_id)
    return ("person", offer.user_id)


def actor_data(offers) -> ActorData:
    """Themes (or interests) and responsiveness of the offers' actors: four queries at most."""
    org_ids = sorted({o.organisation_id for o in offers if o.organisation_id})
    user_ids = sorted({o.user_id for o in offers if o.user_id})
    themes: dict[tuple[str, int], dict[str, str]] = {}
    sources = (
        ("organisation", Organisation.themes.through, "organisation_id", org_ids),
        ("person", User.interests.through, "user_id", user_ids),
    )
    for kind, through, field, ids in sources:
        if not ids:
            continue
        rows = (
            through.objects.filter(**{f"{field}__in": ids})
            .order_by("theme_id")
            .values_list(field, "theme__slug", "theme__name")
        )
        for actor_id, slug, name in rows:
            themes.setdefault((kind, actor_id), {})[slug] = name
    counts = responsiveness.counts_for(
        organisations=[o.organisation for o in offers if o.organisation_id],
        users=[o.user for o in offers if o.user_id],
    )
    return ActorData(counts=counts, themes=themes)


def offer_facts(offer: Offer, data: ActorData) -> OfferFacts:
    """Needs the offer's actor and territory loaded (`_contactable_offers`)."""
    organisation, user = offer.organisation, offer.user
    stats = data.counts.get(_key(offer), responsiveness.NO_STATS)
    actor_themes = data.themes.get(_key(offer), {})
    common = {
        "kind": offer.kind,
        "title": offer.title,
        "description": offer.description,
        "skill": offer.skill,
        "territory_id": offer.territory_id,
        "territory_name": offer.territory.name,
        "requests_answered": stats.answered,
        "requests_received": stats.received,
        "introductions_helped": stats.helped,
    }
    if organisation is not None:
        return OfferFacts(
            **common,
            neighbourhood_id=organisation.neighbourhood_id,
            latitude=organisation.latitude,
            longitude=organisation.longitude,
            themes=actor_themes,
            is_organisation=True,
            verified=organisation.is_verified,
        )
    return OfferFacts(
        **common,
        person_skills=[str(s) for s in (user.skills or [])],
        neighbourhood_id=user.neighbourhood_id,
        themes=actor_themes,
        is_organisation=False,
    )


# What scoring and the lists read (the long texts of organisations and profiles stay behind).
_OFFER_FIELDS = (
    "kind", "title", "description", "skill", "territory__name", "territory__slug",
    "organisation__name", "organisation__neighbourhood_id", "organisation__latitude",
    "organisation__longitude", "organisation__is_verified", "organisation__contactable",
    "organisation__territory__slug", "organisation__territory__name",
    "user__display_name", "user__skills", "user__neighbourhood_id", "user__is_active",
    "user__contactable", "user__profile_visibility",
)  # fmt: skip


def _contactable_offers():
    """Active offers of actors who may be proposed: contactable, visible, active."""
    people = Q(
        user__isnull=False,
        user__is_active=True,
        user__contactable=True,
    ) & ~Q(user__profile_visibility=User.Visibility.HIDDEN)
    organisations = Q(organisation__isnull=False, organisation__contactable=True)
    return (
        Offer.objects.active()
        .filter(territory__is_active=True)
        .filter(people | organisations)
        .select_related("organisation__territory", "user", "territory")
        .only(*_OFFER_FIELDS)
    )


def _one(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def need_candidates(*, need: Need, viewer, limit: int = 10) -> list[Candidate]:
    """Actors who could meet `need`, best first (one entry per actor, its best offer).

    Never proposes the project's own team, people who opted out of contact,
    hidden profiles, inactive accounts or organisations that opted out.
    `viewer` is who asks (the views check they may); it does not change the order.
    """
    project = (
        Project.objects.select_related("neighbourhood")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("pk")))
        .get(pk=need.project_id)
    )
    need.project = project
    facts = need_facts(need)
    team = ProjectMember.objects.filter(project_id=project.pk).values("user_id")
    neighbourhood = project.neighbourhood_id
    offers = (
        _contactable_offers()
        .filter(kind__in=offer_kinds_for(need.kind))
        .exclude(user__in=team)
        .annotate(
            prerank=_one(Q(territory_id=need.territory_id)) * 4
            + _one(Q(kind=need.kind)) * 4
            + _one(
                Q(organisation__neighbourhood_id=neighbourhood)
                | Q(user__neighbourhood_id=neighbourhood)
            )
            * 2
            + _one(Q(organisation__is_verified=True))
        )
        .order_by("-prerank", "pk")[:PRERANK_LIMIT]
    )
    offers = list(offers)
    data = actor_data(offers)
    best: dict[tuple[str, int], tuple[Match, Offer]] = {}
    for offer in offers:
        match = score(facts, offer_facts(offer, data), explain=False)
        if match.score <= 0:
            continue
        key = _key(offer)
        if key not in best or match.score > best[key][0].score:
            best[key] = (match, offer)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0].score, item[0]))
    return [
        Candidate(
            score=match.score,
            reasons=score(facts, offer_facts(offer, data)).reasons,
            offer=offer,
            organisation=offer.organisation,
            user=None if offer.organisation_id else offer.user,
        )
        for _actor, (match, offer) in ranked[:limit]
    ]


def actor_opportunities(
    *, organisation=None, user=None, viewer, limit: int = 20
) -> list[Opportunity]:
    """Open needs of published projects that the organisation's (or person's) offers could meet.

    Skips projects the person (or, for an organisation, the viewer) is in the team of.
    """
    if (organisation is None) == (user is None):
        raise ValueError("Give exactly one of organisation and user.")
    offers = list(
        _contactable_offers().filter(
            Q(organisation=organisation) if organisation is not None else Q(user=user)
        )
    )
    if not offers:
        return []
    data = actor_data(offers)
    facts = [(offer, offer_facts(offer, data)) for offer in offers]
    facts_by_pk = [(offer.pk, f) for offer, f in facts]
    territories = {offer.territory_id for offer in offers}
    neighbourhoods = {f.neighbourhood_id for _o, f in facts if f.neighbourhood_id}
    kinds = {offer.kind for offer in offers}
    member = user if user is not None else viewer
    team = ProjectMember.objects.filter(user_id=getattr(member, "pk", None)).values("project_id")
    needs = (
        Need.objects.open()
        .filter(
            project__status=Project.Status.PUBLISHED,
            territory__is_active=True,
            kind__in=need_kinds_for(kinds),
        )
        .exclude(project_id__in=team)
        .select_related("project__territory", "territory")
        .prefetch_related(Prefetch("project__themes", queryset=Theme.objects.order_by("pk")))
        .annotate(
            prerank=_one(Q(territory_id__in=territories)) * 4
            + _one(Q(kind__in=kinds)) * 4
            + _one(Q(project__neighbourhood_id__in=neighbourhoods)) * 2
        )
        .order_by("-prerank", "-created_at", "pk")[:PRERANK_LIMIT]
    )
    results: list[Opportunity] = []
    for need in needs:
        nf = need_facts(need)
        best: tuple[Match, Offer] | None = None
        for offer, of in facts:
            match = score(nf, of, explain=False)
            if match.score > 0 and (best is None or match.score > best[0].score):
                best = (match, offer)
        if best is not None:
            results.append(Opportunity(need=need, score=best[0].score, reasons=[], offer=best[1]))
    results.sort(key=lambda o: (-o.score, o.need.pk))
    results = results[:limit]
    by_offer = dict(facts_by_pk)
    for opportunity in results:
        explained = score(need_facts(opportunity.need), by_offer[opportunity.offer.pk])
        opportunity.reasons = explained.reasons
    return results
