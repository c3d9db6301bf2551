"""The Django admin of consultations: a network admin's view, not the way to run them.

Stored counters, denormalised answers and moderation (hidden, merged) are kept
true by the services, so the admin shows them read-only; charter versions and
answers are never edited (every version stays as it was published); supports
are only listed. Agents run consultations on the site.
"""

from django.contrib import admin

from ensemble.search.indexing import index_object

from .models import (
    Answer,
    CharterVersion,
    Consultation,
    Contribution,
    Phase,
    Result,
    ResultUpdate,
    Support,
)


class ReadOnlyInline(admin.TabularInline):
    """Rows shown as they are: no add, no change, no delete."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """A list and a page to read each row; nothing is added, changed or deleted here."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class PhaseInline(admin.TabularInline):
    model = Phase
    fields = ["kind", "title", "starts_at", "ends_at", "position"]
    extra = 0


class CharterVersionInline(ReadOnlyInline):
    model = CharterVersion
    fields = readonly_fields = ["version", "answer_within_days", "changes", "author", "created_at"]
    ordering = ["-version"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "visibility", "status", "contributions_count",
                    "answered_count", "supports_count", "results_count",
                    "published_at"]  # fmt: skip
    list_filter = ["territory", "status", "visibility"]
    search_fields = ["title", "question"]
    raw_id_fields = ["territory", "created_by"]
    filter_horizontal = ["themes", "neighbourhoods"]
    # Copied from the newest charter version; counted by the services.
    readonly_fields = ["charter_version", "answer_within_days", "contributions_count",
                       "answered_count", "supports_count", "results_count"]  # fmt: skip
    inlines = [PhaseInline, CharterVersionInline]
    list_select_related = ["territory"]
    date_hierarchy = "created_at"


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


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ["contribution", "version", "state", "author", "author_role", "created_at"]
    list_filter = ["state", "consultation"]
    search_fields = ["contribution__title", "explanation", "decided_by"]
    list_select_related = ["contribution", "author"]
    date_hierarchy = "created_at"


class ResultUpdateInline(ReadOnlyInline):
    model = ResultUpdate
    fields = readonly_fields = ["title", "status", "progress", "author", "created_at"]
    ordering = ["-created_at"]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "territory", "parent", "status", "progress",
                    "children_count"]  # fmt: skip
    list_filter = ["territory", "status"]
    search_fields = ["title"]
    raw_id_fields = ["consultation", "territory", "parent", "contributions", "projects"]
    # Progress and status move through the result's timeline (a parent's is its parts' mean).
    readonly_fields = ["status", "progress", "children_count"]
    inlines = [ResultUpdateInline]
    list_select_related = ["consultation", "territory", "parent"]


@admin.register(Support)
class SupportAdmin(ReadOnlyAdmin):
    list_display = ["contribution", "consultation", "user", "created_at"]
    raw_id_fields = ["contribution", "consultation", "user"]
    list_select_related = ["contribution", "consultation", "user"]
    date_hierarchy = "created_at"
    show_full_result_count = False  # millions of rows: no second count when searching
