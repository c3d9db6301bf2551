from django.contrib import admin

from ensemble.practices.models import Practice


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "status", "published_at", "bookmarks_count"]
    list_filter = ["status", "territory"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["territory", "projects", "contribution", "replicated_from", "authors"]
