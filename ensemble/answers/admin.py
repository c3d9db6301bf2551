"""The Django admin of answers: read-only, every version stays as it was published."""

from django.contrib import admin

from ensemble.answers.models import Answer
from ensemble.consultations.admin import ReadOnlyAdmin


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ["contribution", "version", "state", "author", "author_role", "created_at"]
    list_filter = ["state", "consultation"]
    search_fields = ["contribution__title", "explanation", "decided_by"]
    list_select_related = ["contribution", "author"]
    date_hierarchy = "created_at"
