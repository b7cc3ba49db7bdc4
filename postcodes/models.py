"""The postcodes of the partnership's areas and its neighbours' (from the ONS Postcode
Directory), the edition they came from, and the map of the places drawn from them."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import Exact, GreaterThanOrEqual

from places.models import Place

# The extent of Great Britain on the Ordnance Survey grid, in metres.
MAX_EASTING = 700_000
MAX_NORTHING = 1_300_000


class Postcode(models.Model):
    """One postcode: the local authority district it is in today and its grid reference."""

    postcode = models.CharField(
        max_length=7, primary_key=True, help_text="Capitals, without the space: S11AA."
    )
    district_code = models.CharField(
        "local authority district (GSS code)", max_length=9, db_index=True
    )
    easting = models.PositiveIntegerField(help_text="Ordnance Survey grid, metres east.")
    northing = models.PositiveIntegerField(help_text="Ordnance Survey grid, metres north.")

    class Meta:
        ordering = ["postcode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode=Upper("postcode"))
                & Q(GreaterThanOrEqual(Length("postcode"), 5))
                & ~Q(postcode__contains=" "),
                name="postcode_normalised",
            ),
            models.CheckConstraint(
                condition=Q(Exact(Length("district_code"), 9)),
                name="postcode_district_code_is_gss",
            ),
            models.CheckConstraint(
                condition=Q(easting__lte=MAX_EASTING) & Q(northing__lte=MAX_NORTHING),
                name="postcode_on_the_grid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.postcode[:-3]} {self.postcode[-3:]}"


class DirectoryEdition(models.Model):
    """The edition of the directory the table holds: one row, replaced by each import."""

    name = models.CharField(max_length=120, help_text="ONS Postcode Directory, November 2025")
    package_version = models.CharField(max_length=40)
    areas = models.CharField(
        max_length=60, help_text="The postcode areas imported, whole: S DN YO."
    )
    postcode_count = models.PositiveIntegerField()
    imported_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="edition_named"),
            models.CheckConstraint(condition=~Q(areas=""), name="edition_has_areas"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def area_list(self) -> list[str]:
        return self.areas.split()


class PlaceArea(models.Model):
    """A place as the map draws it: the 1 km squares of the grid its postcodes fall in,
    joined into one SVG path in the map's own units (one unit a kilometre, north up)."""

    place = models.OneToOneField(Place, on_delete=models.CASCADE, related_name="map_area")
    path = models.TextField(help_text="SVG path data of the place's squares.")
    squares = models.PositiveIntegerField(help_text="How many 1 km squares it covers.")
    postcodes = models.PositiveIntegerField(help_text="How many postcodes it has.")
    label_x = models.FloatField()
    label_y = models.FloatField()

    class Meta:
        ordering = ["place__name"]
        constraints = [
            models.CheckConstraint(condition=Q(squares__gt=0), name="place_area_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.place} on the map"


class MapFrame(models.Model):
    """The map's frame: the grid square at its top left and its size, in kilometres. One row."""

    west = models.IntegerField(help_text="Kilometres east of the grid's origin.")
    north = models.IntegerField(help_text="Kilometres north of the grid's origin.")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(width__gt=0) & Q(height__gt=0), name="map_frame_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.width} km by {self.height} km"

    def position(self, easting: int, northing: int) -> tuple[float, float] | None:
        """A grid reference in the map's units, or None if it is outside the frame."""
        x = easting / 1000 - self.west
        y = self.north + 1 - northing / 1000
        if 0 <= x <= self.width and 0 <= y <= self.height:
            return round(x, 2), round(y, 2)
        return None
