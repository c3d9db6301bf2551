"""The territory's activity as an Atom feed, for feed readers."""

import html

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from ensemble.core.feeds import AtomFeed

from . import selectors
from .verbs import line_sentence, line_url

FEED_SIZE = 30


class TerritoryActivityFeed(Feed):
    feed_type = AtomFeed

    def get_object(self, request):
        # The instance serves every request: per-request values live on the objects.
        territory = request.territory
        territory.feed_page_url = request.build_absolute_uri(self.link(territory))
        return territory

    def title(self, territory):
        return _("What is new in %(name)s") % {"name": territory.name}

    def link(self, territory):
        return reverse("activity:feed", kwargs={"territory_slug": territory.slug})

    def subtitle(self, territory):
        return _("New projects, news, needs, organisations and consultations of %(name)s") % {
            "name": territory.name
        }

    def items(self, territory):
        lines = list(selectors.territory_activities(territory=territory)[:FEED_SIZE])
        for line in lines:
            line.feed_page_url = territory.feed_page_url
        return lines

    def item_title(self, item):
        return html.unescape(strip_tags(line_sentence(item)))

    def item_description(self, item):
        return None

    def item_link(self, item):
        return line_url(item) or f"{self.link(item.territory)}#activity-{item.pk}"

    def item_guid(self, item):
        # A stable IRI per line: its anchor on the territory's feed page.
        return f"{item.feed_page_url}#activity-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at
