from django.contrib import admin

from ensemble.resources.models import Attachment, Resource


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["name", "content_type", "size"]
    readonly_fields = fields
    extra = 0
    can_delete = True


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "territory", "deadline"]
    list_filter = ["kind", "status", "territory"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["territory", "created_by", "projects"]
    inlines = [AttachmentInline]
