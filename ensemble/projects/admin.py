from django.contrib import admin

from .models import Need, Project, ProjectFollow, ProjectInvitation, ProjectMember, ProjectUpdate


class ProjectMemberInline(admin.TabularInline):
    model = ProjectMember
    raw_id_fields = ["user"]
    extra = 0


class NeedInline(admin.TabularInline):
    model = Need
    fields = ["kind", "title", "quantity", "amount", "deadline", "status"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "status", "stage", "followers_count", "open_needs_count",
                    "published_at"]  # fmt: skip
    list_filter = ["territory", "status", "stage"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["created_by", "replicated_from", "neighbourhood"]
    filter_horizontal = ["themes", "partners"]
    readonly_fields = ["followers_count", "open_needs_count", "updates_count", "comments_count",
                       "replications_count", "published_at"]  # fmt: skip
    inlines = [ProjectMemberInline, NeedInline]
    list_select_related = ["territory"]


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "project", "territory", "deadline"]
    list_filter = ["territory", "kind", "status"]
    search_fields = ["title", "project__title"]
    raw_id_fields = ["project"]
    list_select_related = ["project", "territory"]


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "author", "created_at"]
    raw_id_fields = ["project", "author"]
    list_select_related = ["project", "author"]


@admin.register(ProjectInvitation)
class ProjectInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "project", "invited_by", "created_at", "accepted_at"]
    raw_id_fields = ["project", "invited_by"]
    readonly_fields = ["token"]


@admin.register(ProjectFollow)
class ProjectFollowAdmin(admin.ModelAdmin):
    list_display = ["user", "project", "created_at"]
    raw_id_fields = ["project", "user"]
