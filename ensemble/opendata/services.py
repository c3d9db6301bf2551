"""Writes of open data: the dataset files (built by the task) and the territory's licence."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from ensemble.audit.services import record
from ensemble.core.access import require
from ensemble.territories.models import Territory

from .datasets import Dataset, registry
from .models import LICENCE_URLS, DatasetFile, Licence, OpenDataSettings


def licence_of(territory: Territory) -> dict:
    settings = OpenDataSettings.objects.filter(territory=territory).first()
    licence = Licence(settings.licence if settings else Licence.ETALAB)
    return {"id": licence.value, "name": str(licence.label), "url": LICENCE_URLS[licence]}


def _csv_value(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _render(dataset: Dataset, rows: list[dict], territory: Territory, licence: dict, now):
    names = [name for name, _meaning in dataset.fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    writer.writerows([[_csv_value(row[name]) for name in names] for row in rows])
    document = {
        "dataset": dataset.key, "title": str(dataset.label), "territory": territory.slug,
        "licence": licence, "generated_at": now,
        "fields": [{"name": name, "description": str(meaning)} for name, meaning in dataset.fields],
        "items": rows,
    }  # fmt: skip
    return {"csv": buffer.getvalue(), "json": json.dumps(document, cls=DjangoJSONEncoder)}


@transaction.atomic
def datasets_build(*, territory: Territory) -> int:
    """Build every dataset of the territory in every format; returns the rows written."""
    now = timezone.now()
    licence = licence_of(territory)
    total = 0
    for dataset in registry:
        rows = list(dataset.rows(territory))
        for fmt, content in _render(dataset, rows, territory, licence, now).items():
            DatasetFile.objects.update_or_create(
                territory=territory, dataset=dataset.key, format=fmt,
                defaults={"content": content, "rows": len(rows), "generated_at": now},
            )  # fmt: skip
        total += len(rows)
    return total


def datasets_build_all() -> int:
    return sum(
        datasets_build(territory=territory)
        for territory in Territory.objects.filter(is_active=True)
    )


@transaction.atomic
def licence_set(*, actor, territory: Territory, licence: str) -> OpenDataSettings:
    require(actor, "territories.change_territory", territory)
    settings, _created = OpenDataSettings.objects.get_or_create(territory=territory)
    before, settings.licence = settings.licence, licence
    settings.full_clean()
    settings.save()
    record(actor=actor, action="territory.settings", territory=territory, target=territory,
           before={"licence": before}, after={"licence": licence})  # fmt: skip
    from .tasks import build_datasets

    transaction.on_commit(lambda: build_datasets.enqueue(territory_id=territory.pk))
    return settings
