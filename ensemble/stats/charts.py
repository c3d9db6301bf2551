"""Bar charts drawn on the server as SVG: no script, no library from another site, and
every chart comes with a table of the same figures (templates/stats/chart.html)."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD_TOP, PAD_BOTTOM, PAD_LEFT = 640, 220, 16, 28, 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    x: float
    y: float
    width: float
    height: float
    label_x: float

    @property
    def value_y(self) -> float:
        return round(self.y - 4, 1)


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - PAD_BOTTOM
    label_y: float = HEIGHT - 8


def bar_chart(key: str, title, points: list[tuple[str, float | None]]) -> Chart:
    """`points` are (label, value) in order; a missing value draws no bar."""
    top = max((value for _label, value in points if value), default=0) or 1
    slot = (WIDTH - PAD_LEFT) / max(len(points), 1)
    usable = HEIGHT - PAD_TOP - PAD_BOTTOM
    bars = []
    for index, (label, value) in enumerate(points):
        height = usable * (value or 0) / top
        x = PAD_LEFT + index * slot + slot * 0.15
        bars.append(Bar(
            label=label, value=value, x=round(x, 1), y=round(HEIGHT - PAD_BOTTOM - height, 1),
            width=round(slot * 0.7, 1), height=round(height, 1),
            label_x=round(x + slot * 0.35, 1),
        ))  # fmt: skip
    return Chart(key=key, title=str(title), bars=bars)
