from django.contrib import admin

from ensemble.budgets.models import Budget, BudgetProject, VerifiedResident, VoteSettings


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["consultation", "envelope", "rule", "closed_at", "published_at"]
    readonly_fields = ["ballots_count", "paper_ballots_count", "closed_at", "published_at"]


@admin.register(BudgetProject)
class BudgetProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "budget", "cost", "votes_count", "paper_votes_count", "selected"]
    readonly_fields = ["votes_count", "paper_votes_count", "selected"]
    raw_id_fields = ["contributions", "result", "project", "added_by"]


admin.site.register(VoteSettings)


@admin.register(VerifiedResident)
class VerifiedResidentAdmin(admin.ModelAdmin):
    list_display = ["user", "territory", "verified_by", "verified_at"]
    raw_id_fields = ["user", "verified_by"]
