from django.contrib import admin

from .models import PageVersion


@admin.register(PageVersion)
class PageVersionAdmin(admin.ModelAdmin):
    """Versions are published from the territory console and never edited."""

    list_display = ["territory", "kind", "version", "title", "created_at"]
    list_filter = ["kind", "territory"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
