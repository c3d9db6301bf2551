"""What a contribution means, for its vector: its title and its text (the same text as
the embeddable that contributions registers, `contributions/registrations.py`)."""


def contribution_text(title: str, body: str) -> str:
    return f"{(title or '').strip()}. {(body or '').strip()}"
