from datetime import datetime

from ninja import Schema


class NoteIn(Schema):
    body: str


class NoteOut(Schema):
    id: int
    body: str
    author: str | None
    created_at: datetime

    @staticmethod
    def resolve_author(obj) -> str | None:
        return obj.author.display_name if obj.author else None


class AssignmentIn(Schema):
    agent: int | None = None
    department: int | None = None


class AssignmentOut(Schema):
    contribution: int
    agent: int | None
    department: int | None

    @staticmethod
    def resolve_contribution(obj) -> int:
        return obj.contribution_id

    @staticmethod
    def resolve_agent(obj) -> int | None:
        return obj.agent_id

    @staticmethod
    def resolve_department(obj) -> int | None:
        return obj.department_id


class QueueItemOut(Schema):
    id: int
    title: str
    consultation: int
    created_at: datetime
    due_at: datetime
    is_overdue: bool
    agent: int | None
    department: int | None

    @staticmethod
    def resolve_consultation(obj) -> int:
        return obj.consultation_id

    @staticmethod
    def resolve_agent(obj) -> int | None:
        assignment = getattr(obj, "workbench_assignment", None)
        return assignment.agent_id if assignment else None

    @staticmethod
    def resolve_department(obj) -> int | None:
        assignment = getattr(obj, "workbench_assignment", None)
        return assignment.department_id if assignment else None
