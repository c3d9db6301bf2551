"""The Django admin of results (see ensemble.consultations.admin)."""

from django.contrib import admin

from ensemble.consultations.admin import ReadOnlyInline
from ensemble.results.models import Result, ResultUpdate


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
