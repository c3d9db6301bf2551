from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


def territory_feed(request):
    page = selectors.territory_feed(
        territory=request.territory, viewer=request.user, page=request.GET.get("page")
    )
    return render(request, "activity/territory_feed.html", {"page": page})


@login_required
def my_feed(request):
    page = selectors.my_feed(user=request.user, page=request.GET.get("page"))
    return render(request, "activity/my_feed.html", {"page": page})
