from ninja import Schema


class SearchItemOut(Schema):
    type: str
    id: int
    title: str
    summary: str
    url: str | None
    territory: str | None


class SearchPageOut(Schema):
    items: list[SearchItemOut]
    count: int
    page: int
    pages: int


def search_item(entry, request) -> dict:
    url = entry.url
    return {
        "type": entry.kind,
        "id": entry.object_id,
        "title": entry.title,
        "summary": entry.summary,
        "url": request.build_absolute_uri(url) if url else None,
        "territory": entry.territory.slug if entry.territory_id else None,
    }
