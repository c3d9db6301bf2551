from .datasets import registry
from .models import DatasetFile


def dataset_files(*, territory) -> dict[str, dict[str, DatasetFile]]:
    """{dataset: {format: file without its content}} of the territory, in one query."""
    files: dict[str, dict[str, DatasetFile]] = {}
    for file in DatasetFile.objects.filter(territory=territory).defer("content"):
        files.setdefault(file.dataset, {})[file.format] = file
    return files


def dataset_file_get(
    *, territory, dataset: str, fmt: str, content: bool = True
) -> DatasetFile | None:
    """The file as built; `content=False` leaves its text (megabytes) unread."""
    if dataset not in registry:
        return None
    files = DatasetFile.objects.filter(territory=territory, dataset=dataset, format=fmt)
    return (files if content else files.defer("content")).first()
