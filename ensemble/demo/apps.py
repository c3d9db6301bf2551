from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network (`seed_demo`) and the local server (`serve`), above every domain."""

    name = "ensemble.demo"
    label = "demo"
    verbose_name = "Demo"
