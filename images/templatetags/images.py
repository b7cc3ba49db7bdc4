"""`{% picture image %}`: a library image as a responsive <picture> (WebP first, the original's
format after), chosen by the browser from `srcset` for the width it shows it at (`sizes`)."""

from django import template

register = template.Library()

# The two-thirds column: full width on a phone, 640px on wider screens.
COLUMN = "(min-width: 990px) 640px, 100vw"


@register.inclusion_tag("images/picture.html")
def picture(image, sizes: str = COLUMN, caption: bool = True):
    sources = image.sources()
    webp = sources.get("webp", [])
    fallback = sources.get("jpeg") or sources.get("png") or []
    # The <img> names its default: the widest fallback no wider than 640px (the column).
    column = [r for r in fallback if r.width <= 640]
    default = column[-1] if column else (fallback[0] if fallback else None)
    return {
        "image": image,
        "sizes": sizes,
        "webp": webp,
        "fallback": fallback,
        "default": default,
        "caption": caption,
    }
