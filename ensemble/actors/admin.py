from django.contrib import admin

from .models import Offer, Organisation, OrganisationMember


class OrganisationMemberInline(admin.TabularInline):
    model = OrganisationMember
    raw_id_fields = ["user"]
    extra = 0

    # Adding and removing members go through the services, which keep members_count true.
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OfferInline(admin.TabularInline):
    model = Offer
    fields = ["kind", "title", "skill", "availability", "is_active"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "territory", "is_verified", "members_count", "offers_count",
                    "created_at"]  # fmt: skip
    list_filter = ["kind", "is_verified", "territory"]
    search_fields = ["name", "summary", "contact_email"]
    raw_id_fields = ["created_by", "verified_by", "neighbourhood"]
    filter_horizontal = ["themes", "other_territories"]
    readonly_fields = ["members_count", "offers_count", "projects_count", "verified_at",
                       "verified_by", "created_by"]  # fmt: skip
    list_select_related = ["territory"]
    inlines = [OrganisationMemberInline, OfferInline]

    # Creating goes through the service (first owner, activity, counters).
    def has_add_permission(self, request):
        return False


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organisation", "user", "territory", "is_active"]
    list_filter = ["kind", "is_active", "territory"]
    search_fields = ["title", "skill", "organisation__name", "user__email"]
    raw_id_fields = ["organisation", "user"]
    list_select_related = ["organisation", "user", "territory"]
    readonly_fields = ["organisation", "user", "territory"]

    # Offers are created and withdrawn through the services (offers_count).
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
