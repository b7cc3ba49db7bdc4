"""The places' map, as the template draws it: each place's squares with its own shade and
pattern (so colour is not the only cue), its label and its link, and a marker for a postcode."""

from dataclasses import dataclass

from postcodes.models import DirectoryEdition, MapFrame, PlaceArea, Postcode

# One look a place, in the order of their names: a fill colour, a pattern drawn over it in a
# darker line, and the pattern's name for people (the key says it).
LOOKS = [
    ("#aed0f0", "#005eb8", "diagonal", "diagonal lines"),
    ("#c3e6cf", "#007f3b", "dots", "dots"),
    ("#f7d7a8", "#8a4f00", "horizontal", "horizontal lines"),
    ("#dcc9ec", "#330072", "cross", "crossed lines"),
    ("#f4c6cf", "#8a1538", "vertical", "vertical lines"),
    ("#d9d9d9", "#425563", "grid", "a grid"),
]


@dataclass
class MapPlace:
    area: PlaceArea
    fill: str
    line: str
    pattern: str
    pattern_name: str


@dataclass
class PlaceMap:
    edition: DirectoryEdition
    frame: MapFrame
    places: list[MapPlace]
    marker: tuple[float, float] | None
    marker_postcode: Postcode | None

    @property
    def view_box(self) -> str:
        return f"0 0 {self.frame.width} {self.frame.height}"


def place_map(marker: Postcode | None = None) -> PlaceMap | None:
    """The map, or None before the directory is imported. Three queries."""
    frame = MapFrame.objects.first()
    edition = DirectoryEdition.objects.first()
    if frame is None or edition is None:
        return None
    areas = PlaceArea.objects.select_related("place").order_by("place__name")
    places = [MapPlace(area, *LOOKS[n % len(LOOKS)]) for n, area in enumerate(areas)]
    position = frame.position(marker.easting, marker.northing) if marker else None
    return PlaceMap(edition, frame, places, position, marker if position else None)
