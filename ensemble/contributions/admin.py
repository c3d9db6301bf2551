"""The Django admin of contributions (see ensemble.consultations.admin)."""

from django.contrib import admin

from ensemble.consultations.admin import ReadOnlyAdmin
from ensemble.contributions.models import Contribution, Support
from ensemble.search.indexing import index_object


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "consultation", "territory", "answer_state", "is_hidden",
                    "supports_count", "comments_count", "followers_count",
                    "created_at"]  # fmt: skip
    list_filter = ["consultation", "kind", "answer_state", "is_hidden"]
    search_fields = ["title", "body"]
    raw_id_fields = ["consultation", "territory", "neighbourhood", "author", "coauthors",
                     "workshop", "answer", "merged_into"]  # fmt: skip
    filter_horizontal = ["themes"]
    # Counters, the current answer and moderation belong to the services (counts, search,
    # notifications): hide, show again and merge on the contribution's page.
    readonly_fields = ["consultation", "territory", "charter_version", "answer", "answer_state",
                       "first_answered_at", "is_hidden", "hidden_reason", "merged_into",
                       "supports_count", "comments_count", "followers_count"]  # fmt: skip
    list_select_related = ["consultation", "territory"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False  # posted on the site, where the counters and the charter version are kept

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # the consultation's counters would lie; hide it on the site instead

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        index_object(obj)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        index_object(form.instance)  # themes are in the search text


@admin.register(Support)
class SupportAdmin(ReadOnlyAdmin):
    list_display = ["contribution", "consultation", "user", "created_at"]
    raw_id_fields = ["contribution", "consultation", "user"]
    list_select_related = ["contribution", "consultation", "user"]
    date_hierarchy = "created_at"
    show_full_result_count = False  # millions of rows: no second count when searching
