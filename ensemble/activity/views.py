from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.functional import cached_property

from ensemble.accounts.display import names_audience

from . import selectors


class TerritoryFeed:
    """A page of the territory's feed, read only when its fragment is not kept."""

    def __init__(self, request):
        self.request = request
        # The whole query string: the page's links carry every parameter along.
        self.query = request.GET.urlencode()
        self.names_audience = names_audience(request.user, request.territory)

    @cached_property
    def page(self):
        return selectors.territory_feed(
            territory=self.request.territory,
            viewer=self.request.user,
            page=self.request.GET.get("page"),
        )


class MyFeed:
    """A page of a person's feed, kept for them alone (what they follow) until a write."""

    def __init__(self, request):
        self.request = request
        self.query = request.GET.urlencode()

    @cached_property
    def page(self):
        return selectors.my_feed(user=self.request.user, page=self.request.GET.get("page"))


def territory_feed(request):
    return render(request, "activity/territory_feed.html", {"feed": TerritoryFeed(request)})


@login_required
def my_feed(request):
    return render(request, "activity/my_feed.html", {"feed": MyFeed(request)})
