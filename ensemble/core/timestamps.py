"""Writing rows with the dates they would have had (demo and benchmark data)."""


class keep_timestamps:
    """Let bulk_create store the given created_at/updated_at instead of "now".

    `auto_now`/`auto_now_add` overwrite any value on insert; spreading the
    timestamps over years makes orderings and date filters realistic.
    """

    def __init__(self, *models):
        self.fields = [
            model._meta.get_field(name)
            for model in models
            for name in ("created_at", "updated_at")
            if any(f.name == name for f in model._meta.concrete_fields)
        ]
        self.saved: list[tuple] = []

    def __enter__(self):
        for f in self.fields:
            self.saved.append((f, f.auto_now, f.auto_now_add))
            f.auto_now = f.auto_now_add = False
        return self

    def __exit__(self, *exc):
        for f, auto_now, auto_now_add in self.saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add
        self.saved.clear()
        return False
