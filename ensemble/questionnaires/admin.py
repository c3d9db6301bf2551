from django.contrib import admin

from ensemble.questionnaires.models import Question, Questionnaire


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fk_name = "questionnaire"


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "consultation", "is_anonymous", "responses_count"]
    list_filter = ["territory"]
    readonly_fields = ["responses_count"]
    raw_id_fields = ["consultation", "created_by"]
    inlines = [QuestionInline]
