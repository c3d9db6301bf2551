"""The participation app is split (issue 9): its models now belong to the
consultations, contributions, answers and results apps, which took them over
in their 0001 migrations with the same tables (state only, no data copied).

Here the models leave participation's migration state (no table is dropped),
and the content types follow their model to the new app label, so that
permissions and generic relations (comments and moderation reports on
contributions) keep pointing at the same rows.
"""

from django.db import migrations

MOVED = {
    "consultation": "consultations",
    "phase": "consultations",
    "charterversion": "consultations",
    "participant": "consultations",
    "contribution": "contributions",
    "support": "contributions",
    "contributionfollow": "contributions",
    "answer": "answers",
    "result": "results",
    "resultupdate": "results",
}


def content_types_follow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model, app_label in MOVED.items():
        old = ContentType.objects.using(db).filter(app_label="participation", model=model)
        if not old.exists():
            continue
        # A row created for the new label meanwhile (nothing points to it yet) makes way.
        ContentType.objects.using(db).filter(app_label=app_label, model=model).delete()
        old.update(app_label=app_label)


def content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model, app_label in MOVED.items():
        new = ContentType.objects.using(db).filter(app_label=app_label, model=model)
        if new.exists():
            ContentType.objects.using(db).filter(app_label="participation", model=model).delete()
            new.update(app_label="participation")


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0002_participants_public_answers_open_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("consultations", "0001_initial"),
        ("contributions", "0002_contribution_answer"),
        ("answers", "0001_initial"),
        ("results", "0001_initial"),
        # Every foreign key to these models points to the new apps first.
        ("activity", "0005_consultation_apps"),
        ("projects", "0003_origin_contribution_app"),
        ("events", "0003_event_consultation_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="contribution", name="answer"),
                migrations.DeleteModel(name="Answer"),
                migrations.DeleteModel(name="ResultUpdate"),
                migrations.DeleteModel(name="Result"),
                migrations.DeleteModel(name="Support"),
                migrations.DeleteModel(name="ContributionFollow"),
                migrations.DeleteModel(name="Contribution"),
                migrations.DeleteModel(name="Participant"),
                migrations.DeleteModel(name="CharterVersion"),
                migrations.DeleteModel(name="Phase"),
                migrations.DeleteModel(name="Consultation"),
            ]
        ),
        migrations.RunPython(content_types_follow, content_types_back),
    ]
