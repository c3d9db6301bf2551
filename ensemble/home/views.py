from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ensemble.accounts.selectors import profile_get
from ensemble.activity.selectors import territory_activities
from ensemble.actors.selectors import offer_list_for_person
from ensemble.consultations.selectors.consultations import open_consultation_list
from ensemble.contributions.selectors.indicators import territory_indicators
from ensemble.core.pagination import paginate
from ensemble.events.selectors import calendar_events
from ensemble.questionnaires.forms import ResponseForm
from ensemble.questionnaires.selectors import has_answered, home_poll
from ensemble.territories import selectors as territory_selectors

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
            "themes": list(territory_selectors.theme_list(territory=territory)),
            "neighbourhoods": list(territory_selectors.neighbourhood_list(territory=territory)),
            "new_members": list(
                territory_selectors.member_list(territory=territory).filter(
                    user__profile_visibility="public"
                )[:8]
            ),
            "activities": list(territory_activities(territory=territory, viewer=request.user)[:5]),
            "open_consultations": open_consultation_list(territory=territory, user=request.user),
            "consultation_indicators": territory_indicators(territory),
            "next_events": list(calendar_events(territory, user=request.user)[:NEXT_EVENTS]),
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
    return render(request, "home/personal_home.html", personal_home_sections(request.user))
