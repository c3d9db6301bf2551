"""The Django admin of consultations: a network admin's view, not the way to run them.

Stored counters, denormalised answers and moderation (hidden, merged) are kept
true by the services, so the admin shows them read-only; charter versions and
answers are never edited (every version stays as it was published); supports
are only listed. Agents run consultations on the site.
"""

from django.contrib import admin

from ensemble.consultations.models import CharterVersion, Consultation, Phase


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
