from .models import DataExport


def export_latest(*, user) -> DataExport | None:
    return DataExport.objects.filter(user=user).first()
