from django.contrib import admin

from ensemble.events.models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = readonly_fields = ["user", "status", "created_at"]
    extra = 0
    can_delete = False  # counters are kept by the services: register and cancel on the site

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "kind", "starts_at", "capacity", "registered_count",
                    "waitlist_count", "participants_count", "is_cancelled"]  # fmt: skip
    list_filter = ["territory", "kind", "is_cancelled"]
    search_fields = ["title"]
    raw_id_fields = ["created_by"]
    filter_horizontal = ["facilitators"]
    readonly_fields = ["registered_count", "waitlist_count"]
    inlines = [RegistrationInline]
    list_select_related = ["territory"]
