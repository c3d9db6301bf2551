"""`GET /territories/{slug}/opendata`: the open datasets, their URLs, formats and licence."""

from datetime import datetime

from django.urls import reverse
from ninja import Router, Schema

from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import territory_get

from . import selectors, services
from .datasets import registry

router = Router(tags=["opendata"])


class FieldOut(Schema):
    name: str
    description: str


class DistributionOut(Schema):
    format: str
    url: str
    rows: int | None
    generated_at: datetime | None


class DatasetOut(Schema):
    key: str
    title: str
    description: str
    fields: list[FieldOut]
    distributions: list[DistributionOut]


class LicenceOut(Schema):
    id: str
    name: str
    url: str


class OpenDataOut(Schema):
    territory: str
    licence: LicenceOut
    datasets: list[DatasetOut]


@router.get("/territories/{slug}/opendata", response=responses(OpenDataOut), auth=None)
def territory_opendata(request, slug: str):
    """The open datasets of a territory with their data dictionary; files are rebuilt daily."""
    territory = territory_get(slug=slug)
    files = selectors.dataset_files(territory=territory)
    datasets = []
    for dataset in registry:
        distributions = []
        for fmt in ("csv", "json"):
            file = files.get(dataset.key, {}).get(fmt)
            url = reverse("opendata:dataset", kwargs={
                "territory_slug": slug, "dataset": dataset.key, "fmt": fmt})  # fmt: skip
            distributions.append({
                "format": fmt, "url": request.build_absolute_uri(url),
                "rows": file.rows if file else None,
                "generated_at": file.generated_at if file else None,
            })  # fmt: skip
        datasets.append({
            "key": dataset.key, "title": str(dataset.label),
            "description": str(dataset.description),
            "fields": [{"name": n, "description": str(d)} for n, d in dataset.fields],
            "distributions": distributions,
        })  # fmt: skip
    return {"territory": slug, "licence": services.licence_of(territory), "datasets": datasets}
