from datetime import datetime

from ninja import Schema


class ExportOut(Schema):
    status: str
    requested_at: datetime
    detail: str


class AccountDeleteIn(Schema):
    #: The person's own email address, as on the page: a deletion is never a mistake.
    confirmation: str
