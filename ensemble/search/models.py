from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .documents import KindField, KindNames, provider_for_kind


class SearchEntry(models.Model):
    """One findable thing (a project, an organisation, a person), as the search sees it.

    Filled by `ensemble.search.indexing` from the providers the apps register;
    never edited by hand. The full-text index lives beside it and is kept by
    the database's backend (`backends/`): on PostgreSQL `search_vector`
    (GIN-indexed, French stemming without accents, plus one lexeme per
    territory of `scope`), on SQLite an FTS5 table whose rowid is this entry's
    id (a `scope` column beside the text). `search_vector` stays empty on SQLite.
    """

    # The kinds are the registered providers' (`documents.py`), in registration order.
    Kind = KindNames()

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("People sharing a territory")

    kind = KindField(_("kind"), max_length=20)
    object_id = models.BigIntegerField(_("object id"))
    # Null for what belongs to the whole network (people).
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+", verbose_name=_("territory"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=300)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True)
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    # The territories whose search finds it ("@1 @4": the one holding it, a person's,
    # an organisation's partners), indexed with the text by the backends: a
    # territory's search is scoped inside the full-text index.
    scope = models.TextField(_("territories"), blank=True, default="", editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["territory", "kind"], name="search_entry_territory_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"

    @property
    def url(self) -> str:
        return provider_for_kind(self.kind).url(self)
