"""Template helpers of the design system (components live in templates/components/).

* ``{% icon "search" %}``: one icon of the inline sprite (components/icons.svg).
* ``{% responsive_image image alt=… sizes=… %}``: an <img> with srcset, lazy.
* ``{{ value|percent_class }}`` / ``{% percent_class part whole %}``: ``w-45`` (width by
  5 % steps: the Content-Security-Policy forbids inline style attributes).
"""

from django import template
from django.utils.html import format_html, format_html_join

from ensemble.core.images import image_variants

register = template.Library()

# The symbols of components/icons.svg (a test checks both lists agree).
ICONS = frozenset(
    {
        "search", "menu", "close", "user", "users", "chevron-down", "arrow-right", "calendar",
        "pin", "project", "organisation", "consultation", "event", "image", "filter", "check",
        "plus", "heart", "bell", "mail", "info", "inbox", "globe",
    }
)  # fmt: skip


@register.simple_tag
def icon(name: str, css_class: str = "") -> str:
    if name not in ICONS:
        raise template.TemplateSyntaxError(f"Unknown icon {name!r}; see components/icons.svg.")
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="#i-{}"></use></svg>',
        classes, name,
    )  # fmt: skip


def _step(ratio: float) -> int:
    return max(0, min(100, round(ratio * 20) * 5))


@register.simple_tag
def percent_class(part, whole=100) -> str:
    """The ``w-NN`` class of part/whole, by 5 % steps (0 when whole is 0 or missing)."""
    try:
        ratio = float(part) / float(whole)
    except (TypeError, ValueError, ZeroDivisionError):
        ratio = 0.0
    return f"w-{_step(ratio)}"


@register.simple_tag
def responsive_image(image, alt: str = "", sizes: str = "100vw", css_class: str = "") -> str:
    """An <img> of an uploaded image with its smaller variants in srcset, loaded lazily.

    Variants are made once (WebP, by Pillow) and stored next to the original; a file that
    cannot be read falls back to the original alone."""
    if not image:
        return ""
    variants = image_variants(image)
    srcset = format_html_join(", ", "{} {}w", ((url, width) for url, width, _h in variants))
    src, width, height = variants[-1]
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}"'
        ' loading="lazy" decoding="async"{}>',
        src, srcset, sizes, alt, width, height,
        format_html(' class="{}"', css_class) if css_class else "",
    )  # fmt: skip


@register.simple_tag
def pairs(*args) -> list[dict]:
    """``{% pairs "Projects" url1 "A title" url2 as crumbs %}``: [{label, url}, …] for the
    breadcrumb and tabs components (a trailing label without URL is allowed)."""
    items = list(args)
    if len(items) % 2:
        items.append("")
    return [{"label": items[i], "url": items[i + 1]} for i in range(0, len(items), 2)]
