from decimal import Decimal

import pytest
from django.utils import translation

from ensemble.accounts.models import User
from ensemble.actors.models import Offer
from ensemble.introductions.models import Introduction
from ensemble.matching.selectors import actor_opportunities, need_candidates
from ensemble.projects.models import ProjectMember
from ensemble.semantics.models import Embedding
from ensemble.testing.factories import TerritoryFactory, member

from . import helpers

ROOM = (
    "premises",
    "Salle polyvalente disponible en soirée",
    "Nos salles accueillent les associations du lundi au vendredi jusqu'à 23 h.",
)
STORE = ("premises", "Entrepôt sec", "Box fermés pour entreposer palettes et colis.")


@pytest.fixture
def crowd(world):
    t = world["territory"]
    store = helpers.organisation(
        t, name="Garde-meubles solidaire", neighbourhood=world["moulins"], is_verified=True,
        offers=[STORE],
    )  # fmt: skip
    room = helpers.organisation(
        t, name="Maison des associations", neighbourhood=world["fives"], offers=[ROOM]
    )
    opted_out = helpers.organisation(
        t, name="Entrepôt fermé", neighbourhood=world["moulins"], contactable=False,
        offers=[STORE],
    )  # fmt: skip
    hidden = helpers.person(
        t, neighbourhood=world["moulins"], profile_visibility=User.Visibility.HIDDEN,
        offers=[STORE],
    )  # fmt: skip
    refuses = helpers.person(t, neighbourhood=world["moulins"], contactable=False, offers=[STORE])
    inactive = helpers.person(t, neighbourhood=world["moulins"], is_active=False, offers=[STORE])
    funder = helpers.organisation(
        t, name="Fondation", offers=[("funding", "Bourses", "Entrepôt et stockage")]
    )
    return {
        "store": store, "room": room, "opted_out": opted_out, "hidden": hidden,
        "refuses": refuses, "inactive": inactive, "funder": funder,
    }  # fmt: skip


def test_a_storage_need_gets_the_storage_offer_first_with_reasons_that_quote_both(world, crowd):
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    assert candidates[0].organisation == crowd["store"]
    reasons = candidates[0].reasons
    assert reasons[0] == (
        "offers « Entrepôt sec » — close in meaning to « Un local pour stocker les denrées »"
    )
    assert "in the same neighbourhood" in reasons
    assert "verified organisation" in reasons
    assert all(c.reasons for c in candidates)
    assert candidates[0].level in {"very_likely", "possible"}


def test_vectors_missing_when_asked_are_computed_and_stored(world, crowd):
    """The task may not have run yet: the first request embeds what it needs."""
    assert not Embedding.objects.exists()
    assert need_candidates(need=world["need"], viewer=None)
    assert Embedding.objects.filter(object_id=world["need"].pk).exists()


def test_actors_who_opted_out_hidden_or_inactive_never_appear(world, crowd):
    candidates = need_candidates(need=world["need"], viewer=None, limit=50)
    orgs = {c.organisation for c in candidates if c.organisation}
    people = {c.user for c in candidates if c.user}
    assert crowd["opted_out"] not in orgs
    assert not people & {crowd["hidden"], crowd["refuses"], crowd["inactive"]}


def test_kinds_that_cannot_meet_the_need_are_not_proposed(world, crowd):
    orgs = {c.organisation for c in need_candidates(need=world["need"], viewer=None, limit=50)}
    assert crowd["funder"] not in orgs


def test_the_project_team_is_not_proposed(world):
    teammate = helpers.person(world["territory"], offers=[STORE])
    ProjectMember.objects.create(project=world["project"], user=teammate)
    assert all(c.user != teammate for c in need_candidates(need=world["need"], viewer=None))


def test_members_only_profiles_are_proposed_only_to_who_may_see_them(world):
    shy = helpers.person(
        world["territory"], profile_visibility=User.Visibility.MEMBERS, offers=[STORE]
    )
    outsider = member(TerritoryFactory(slug="ailleurs"))
    neighbour = member(world["territory"])
    assert shy not in {c.user for c in need_candidates(need=world["need"], viewer=outsider)}
    assert shy not in {c.user for c in need_candidates(need=world["need"], viewer=None)}
    assert shy in {c.user for c in need_candidates(need=world["need"], viewer=neighbour)}


def test_same_data_same_order(world, crowd):
    for i in range(4):  # ties: identical offers
        helpers.organisation(world["territory"], name=f"Asso {i}", offers=[STORE])
    first = [
        (c.actor_type, c.actor.pk, c.score)
        for c in need_candidates(need=world["need"], viewer=None)
    ]
    again = need_candidates(need=world["need"], viewer=None)
    assert [(c.actor_type, c.actor.pk, c.score) for c in again] == first


def test_a_premises_need_never_gets_another_territory_when_someone_local_fits(world, crowd):
    lyon = TerritoryFactory(name="Lyon", slug="lyon")
    far = helpers.organisation(lyon, name="Entrepôt lyonnais", is_verified=True, offers=[STORE])
    candidates = need_candidates(need=world["need"], viewer=None, limit=50)
    assert candidates
    assert far not in {c.organisation for c in candidates}


def test_a_premises_need_with_nobody_local_gets_far_candidates_and_is_told_so(world):
    lyon = TerritoryFactory(name="Lyon", slug="lyon")
    far = helpers.organisation(lyon, name="Entrepôt lyonnais", offers=[STORE])
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    assert [c.organisation for c in candidates] == [far]
    assert "nobody nearby offers this: acts in Lyon" in candidates[0].reasons
    assert not any("Lille" in reason for reason in candidates[0].reasons)


def test_a_nearby_territory_counts_as_local_for_premises(world):
    world["territory"].map_latitude, world["territory"].map_longitude = (
        Decimal("48.7779"),
        Decimal("2.2903"),
    )
    world["territory"].save()
    next_door = TerritoryFactory(
        name="Bourg-la-Reine",
        slug="blr",
        map_latitude=Decimal("48.7797"),
        map_longitude=Decimal("2.3165"),
    )
    lyon = TerritoryFactory(
        name="Lyon", slug="lyon", map_latitude=Decimal("45.764"), map_longitude=Decimal("4.8357")
    )
    near = helpers.organisation(next_door, name="Garde-meubles voisin", offers=[STORE])
    far = helpers.organisation(lyon, name="Entrepôt lyonnais", offers=[STORE])
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    assert [c.organisation for c in candidates] == [near]
    assert "nearby, in Bourg-la-Reine, 2 km away" in candidates[0].reasons
    assert far not in {c.organisation for c in candidates}


def test_expertise_may_come_from_afar_and_the_reason_says_where(world):
    need = helpers.need(
        world["project"], kind="expertise", title="Mentors en ressources humaines",
        description="Nous embauchons notre premier salarié : contrat, fiche de poste, entretien.",
    )  # fmt: skip
    lyon = TerritoryFactory(name="Lyon", slug="lyon")
    drh = helpers.organisation(
        lyon, name="Appui employeurs",
        offers=[("expertise", "Accompagnement au recrutement", "Contrats, entretiens, paie.")],
    )  # fmt: skip
    repair = helpers.organisation(
        world["territory"], name="Repair café",
        offers=[("expertise", "Conseils pour réparer vos objets", "Des bénévoles vous guident.")],
    )  # fmt: skip
    with translation.override("en"):
        candidates = need_candidates(need=need, viewer=None)
    assert candidates[0].organisation == drh
    assert "acts in Lyon — can help remotely" in candidates[0].reasons
    assert not any("Lille" in reason for reason in candidates[0].reasons)
    assert repair not in {c.organisation for c in candidates[:1]}


def test_nobody_fits_gives_no_candidate(world):
    helpers.organisation(
        world["territory"], name="Club de foot",
        offers=[("premises", "Terrain de football synthétique", "Créneaux le dimanche matin.")],
    )  # fmt: skip
    need = helpers.need(
        world["project"], kind="premises", title="Un bassin de natation olympique",
        description="Entraîner notre club de water-polo.",
    )  # fmt: skip
    assert need_candidates(need=need, viewer=None) == []


def test_conditions_explain_and_rank_a_daytime_room_after_an_evening_room(world):
    need = helpers.need(
        world["project"], kind="premises", title="Un local deux soirs par semaine",
        description="Notre chorale répète le mardi et le jeudi de 19 h à 22 h.",
    )  # fmt: skip
    evening = helpers.organisation(
        world["territory"], name="Maison des associations", offers=[ROOM]
    )
    daytime = helpers.organisation(
        world["territory"], name="Centre administratif",
        offers=[("premises", "Salle de réunion en journée", "De 9 h à 17 h, fermée le soir.")],
    )  # fmt: skip
    members = helpers.organisation(
        world["territory"], name="Club des anciens",
        offers=[("premises", "Notre salle le soir", "Réservée à nos adhérents.")],
    )  # fmt: skip
    with translation.override("en"):
        candidates = need_candidates(need=need, viewer=None, limit=20)
    order = [c.organisation for c in candidates]
    assert order[0] == evening
    assert "available evenings ✓" in candidates[0].reasons
    for other, label in (
        (daytime, "available in the daytime only ✗"),
        (members, "reserved for its members ✗"),
    ):
        if other in order:
            assert label in candidates[order.index(other)].reasons
            assert candidates[order.index(other)].level == "possible"


def test_help_offers_that_helped_count_in_the_reasons(world, crowd):
    other = helpers.project(world["territory"], title="Autre projet")
    past = helpers.need(other, kind="premises", title="Un local")
    helper = crowd["store"].memberships.first()
    person = helper.user if helper else member(world["territory"])
    Introduction.objects.create(
        kind=Introduction.Kind.OFFER, need=past, requested_by=person,
        from_organisation=crowd["store"], message="Je peux aider",
        outcome=Introduction.Outcome.HELPED,
    )  # fmt: skip
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    store = next(c for c in candidates if c.organisation == crowd["store"])
    assert "already helped 1 project" in store.reasons


def test_reasons_are_in_french_too(world, crowd):
    with translation.override("fr"):
        reasons = need_candidates(need=world["need"], viewer=None)[0].reasons
    assert reasons[0].startswith("propose « Entrepôt sec » — proche par le sens de « ")
    assert "dans le même quartier" in reasons


def test_pages_of_candidates_follow_each_other(world, crowd):
    for i in range(3):
        helpers.organisation(world["territory"], name=f"Asso {i}", offers=[STORE])
    everyone = [c.actor.pk for c in need_candidates(need=world["need"], viewer=None, limit=10)]
    page = [c.actor.pk for c in need_candidates(need=world["need"], viewer=None, limit=2, offset=2)]
    assert page == everyone[2:4]


def test_opportunities_for_an_organisation(world, crowd):
    opportunities = actor_opportunities(organisation=crowd["store"], viewer=None)
    assert [o.need for o in opportunities] == [world["need"]]
    assert opportunities[0].reasons
    assert actor_opportunities(organisation=crowd["funder"], viewer=None) == []


def test_opportunities_skip_projects_of_the_person(world):
    owner = world["project"].memberships.get().user
    Offer.objects.create(user=owner, territory=world["territory"], kind="premises", title="Garage")
    assert actor_opportunities(user=owner, viewer=owner) == []


def test_opportunities_skip_drafts_and_far_place_bound_needs(world, crowd):
    draft = helpers.project(world["territory"], status="draft")
    helpers.need(draft, kind="premises", title="Un local pour stocker des colis")
    lyon_project = helpers.project(TerritoryFactory(name="Lyon", slug="lyon"))
    helpers.need(lyon_project, kind="premises", title="Un local pour stocker les denrées")
    needs = [o.need for o in actor_opportunities(organisation=crowd["store"], viewer=None)]
    assert needs == [world["need"]]
