from datetime import datetime

from ninja import Field, Schema

from .models import Report


class ReportIn(Schema):
    reason: Report.Reason
    details: str = Field("", max_length=2000)


class ReportOut(Schema):
    id: int
    reason: str
    details: str
    status: str
    created_at: datetime
