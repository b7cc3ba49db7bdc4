"""Data-migration steps shared by the apps' migrations (they must not import models)."""

from django.db import migrations

from core.models import Confidence


def confidence_from_verified(app_label: str, *model_names: str) -> migrations.RunPython:
    """Carry the old `verified` flag into `confidence`: unverified facts were those seen in
    one third-party source only (low); verified ones are kept at one source (medium) until
    the data files or staff say more."""

    def forwards(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            model.objects.filter(verified=False).update(confidence=Confidence.LOW)
            model.objects.filter(verified=True).update(confidence=Confidence.MEDIUM)

    def backwards(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            model.objects.filter(confidence=Confidence.LOW).update(verified=False)
            model.objects.exclude(confidence=Confidence.LOW).update(verified=True)

    return migrations.RunPython(forwards, backwards)
