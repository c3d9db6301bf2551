import rules

from ensemble.territories.predicates import is_territory_moderator


@rules.predicate
def moderates_report_territory(user, report) -> bool:
    return report is not None and is_territory_moderator(user, report.territory)


@rules.predicate
def is_report_open(user, report) -> bool:
    return report is not None and report.status == "open"
