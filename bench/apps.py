from django.apps import AppConfig


class BenchConfig(AppConfig):
    """`manage.py seed_scale`: a checkout's app, never a production one (needs Faker)."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"
