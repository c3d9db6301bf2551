from django.contrib import admin

from .models import Membership, Neighbourhood, Network, Territory, Theme


class NeighbourhoodInline(admin.TabularInline):
    model = Neighbourhood
    prepopulated_fields = {"slug": ["name"]}
    extra = 0


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "country", "custom_domain", "is_active", "members_count"]
    list_filter = ["is_active", "country"]
    search_fields = ["name", "slug", "custom_domain"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["members_count"]
    inlines = [NeighbourhoodInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "territory", "position"]
    list_filter = ["territory"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "territory", "role", "created_at"]
    list_filter = ["role", "territory"]
    search_fields = ["user__email", "user__display_name"]
    raw_id_fields = ["user"]

    # Joining and leaving go through the services, which keep members_count true.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Network)
