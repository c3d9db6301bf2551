from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.functional import cached_property

from ensemble.accounts.display import names_audience
from ensemble.accounts.selectors import profile_get
from ensemble.activity.selectors import territory_activities
from ensemble.actors.selectors import offer_list_for_person
from ensemble.consultations.selectors.consultations import open_consultation_list
from ensemble.contributions.selectors.indicators import territory_indicators
from ensemble.core.kept import kept
from ensemble.core.pagination import paginate
from ensemble.events.selectors import calendar_events
from ensemble.questionnaires.forms import ResponseForm
from ensemble.questionnaires.selectors import has_answered, home_poll
from ensemble.territories import selectors as territory_selectors
from ensemble.territories.predicates import is_territory_agent

from .personal import personal_home as personal_home_sections

NEXT_EVENTS = 4


def network_home(request):
    territories = paginate(request, territory_selectors.territory_list())
    memberships = {}
    if request.user.is_authenticated:
        memberships = {
            m.territory_id: m for m in territory_selectors.user_territory_list(user=request.user)
        }
    return render(
        request,
        "home/network_home.html",
        {"page": territories, "memberships": memberships},
    )


class TerritoryHome:
    """The blocks of a territory's home, each read only when the page renders it.

    Most blocks sit in `{% fragment %}`s of the template, kept per data version and per
    audience: when a fragment is kept, its block's queries do not run at all.
    """

    def __init__(self, request):
        self.territory, self.user = request.territory, request.user

    @cached_property
    def is_agent(self) -> bool:
        """Agents also see the internal consultations and workshops."""
        return is_territory_agent(self.user, self.territory)

    @cached_property
    def names_audience(self) -> str:
        return names_audience(self.user, self.territory)

    @cached_property
    def themes(self):
        return list(territory_selectors.theme_list(territory=self.territory))

    @cached_property
    def neighbourhoods(self):
        return list(territory_selectors.neighbourhood_list(territory=self.territory))

    @cached_property
    def new_members(self):
        return list(
            territory_selectors.member_list(territory=self.territory).filter(
                user__profile_visibility="public"
            )[:8]
        )

    @cached_property
    def activities(self):
        return list(territory_activities(territory=self.territory, viewer=self.user)[:5])

    @cached_property
    def open_consultations(self):
        return open_consultation_list(territory=self.territory, user=self.user)

    @cached_property
    def consultation_indicators(self):
        return territory_indicators(self.territory)

    @cached_property
    def next_events(self):
        # A line each (title, kind, date): none of the calendar cards' joined objects, whose
        # joins cost PostgreSQL more to plan than the query costs to run.
        events = calendar_events(self.territory, user=self.user)
        events = events.select_related(None).prefetch_related(None)
        return list(events.only("pk", "territory", "title", "kind", "starts_at")[:NEXT_EVENTS])


def territory_home(request):
    territory = request.territory
    poll = home_poll(territory=territory)
    poll_form = (
        ResponseForm(questionnaire=poll)
        if poll is not None
        and request.user.has_perm("questionnaires.respond", poll)
        and not has_answered(user=request.user, questionnaire=poll)
        else None
    )
    return render(
        request,
        "home/territory_home.html",
        {
            "membership": territory_selectors.membership_get(
                user=request.user, territory=territory
            ),
            "home": TerritoryHome(request),
            "poll": poll,
            "poll_form": poll_form,
        },
    )


def profile_detail(request, pk: int):
    person = profile_get(viewer=request.user, pk=pk)
    return render(
        request,
        "home/profile_detail.html",
        {
            "person": person,
            "memberships": territory_selectors.user_territory_list(user=person),
            "offers": offer_list_for_person(user=person),
        },
    )


@login_required
def personal_home(request):
    """The person's own page: what is near their interests, never empty."""
    # Ranking a city's projects, needs and people by what the person cares about reads them
    # all: done once per data version (`core.kept`: any write moves it) and person.
    sections = kept(
        "personal-home", [request.user.pk], lambda: personal_home_sections(request.user)
    )
    return render(request, "home/personal_home.html", sections)
