"""The geometry of the charts, worked out here so the templates only place what is given: a
bar chart of the places' populations in SVG (sized in the chart's own units, 320 wide, so its
text is readable on a 320 px phone), each bar with its figure."""

from dataclasses import dataclass

WIDTH = 320
ROW = 44  # each place: its name above its bar
BAR = 18
LABEL_SPACE = 64  # room after the longest bar for its figure


@dataclass
class Bar:
    name: str
    url: str
    value: int
    y: float
    width: float

    @property
    def text_y(self) -> float:
        return self.y - 5

    @property
    def value_x(self) -> float:
        return self.width + 4

    @property
    def value_y(self) -> float:
        return self.y + BAR - 4


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    width: int = WIDTH

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def bar_chart(places) -> BarChart:
    """`places` with `population` annotated (PlaceQuerySet.with_population()); those without
    a figure are left out of the chart (the table beside it says so)."""
    counted = [place for place in places if place.population]
    largest = max((place.population for place in counted), default=1)
    usable = WIDTH - LABEL_SPACE
    bars = [
        Bar(
            name=place.name,
            url=place.get_absolute_url(),
            value=place.population,
            y=n * ROW + 22,
            width=round(usable * place.population / largest, 1),
        )
        for n, place in enumerate(counted)
    ]
    return BarChart(bars=bars, height=len(bars) * ROW + 8)
