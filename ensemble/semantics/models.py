"""Stored vectors: a text is embedded once, by a task, and re-embedded only when it changes."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Embedding(models.Model):
    """The vector of one object's text in one space (see encoders.SPACE)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    space = models.CharField(_("space"), max_length=40)
    digest = models.CharField(_("digest of the text"), max_length=64)
    vector = models.BinaryField(_("vector"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("embedding")
        verbose_name_plural = _("embeddings")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "space", "object_id"], name="embedding_unique_object"
            )
        ]
        indexes = [models.Index(fields=["content_type", "space", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} ({self.space})"
