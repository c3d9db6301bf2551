"""What the practice library holds about a person: bookmarks (removed on erasure) and the
practice sheets they co-wrote (kept: they belong to the library)."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Bookmark, Practice
from .services import bookmark_remove


def _unbookmark_all(user) -> None:
    for bookmark in Bookmark.objects.filter(user=user).select_related("practice"):
        bookmark_remove(user=user, practice=bookmark.practice)


practices = PersonalData(
    key="practices",
    label=_("Practice sheets you wrote and practices you bookmarked"),
    retention=_("sheets as long as the library; bookmarks until you remove them"),
    on_erasure=_("sheets kept; bookmarks removed"),
    export=lambda user: {
        "written": rows(Practice.objects.filter(authors=user), "id", "title", "status"),
        "bookmarks": rows(Bookmark.objects.filter(user=user), "practice_id", "created_at"),
    },
    erase=_unbookmark_all,
)
