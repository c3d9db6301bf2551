from django import template
from django.utils.translation import gettext

register = template.Library()

# Widgets whose text gets a live character counter when the field has a limit.
COUNTED_WIDGETS = frozenset({"text", "textarea"})


def char_limit(field) -> int | None:
    """The most characters `field` takes, when it is typed text with a limit."""
    if field.widget_type not in COUNTED_WIDGETS:
        return None
    return getattr(field.field, "max_length", None) or None


@register.filter
def accessible_widget(field):
    """Render a field's widget tied to its help text, errors and counter for screen readers.

    A limited text field carries `data-maxlength` instead of `maxlength`: browsers cut
    pasted text at `maxlength` without a word; here the counter says how much is too
    much, and the server refuses it with a message naming the field.
    """
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {}
    limit = char_limit(field)
    if limit:
        described_by.append(f"{field.auto_id}_counter")
        attrs["maxlength"] = False  # a False attribute is not rendered
        attrs["data-maxlength"] = str(limit)
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("includes/char_counter.html")
def char_counter(field) -> dict:
    """ "12 / 200 characters" under a limited field; `forms.js` keeps it up to date."""
    limit = char_limit(field)
    if not limit:
        return {"limit": None}
    value = field.value()
    length = len(value) if isinstance(value, str) else 0
    count = gettext("{count} / {max} characters")
    return {
        "field": field,
        "limit": limit,
        "text": count.format(count=length, max=limit),
        "over": length > limit,
        # Sentences for the script, with {count}, {max}, {left} and {over} to fill in.
        "messages": {
            "count": count,
            "near": gettext("{left} characters left."),
            "full": gettext("The limit of {max} characters is reached."),
            "over": gettext("{over} characters too many: shorten the text before sending it."),
            "paste": gettext(
                "The pasted text makes {count} characters, {over} more than the {max} this "
                "field takes: nothing was cut, shorten it before sending."
            ),
        },
    }


@register.filter
def is_choice_list(field) -> bool:
    return field.widget_type in {"checkboxselectmultiple", "radioselect"}


# Widgets that take a whole row of a two-column section.
WIDE_WIDGETS = frozenset({"textarea", "checkboxselectmultiple", "radioselect", "clearablefile"})


@register.filter
def is_wide(field) -> bool:
    return field.widget_type in WIDE_WIDGETS


def _items(form, names) -> list[dict]:
    """The bound fields named, a latitude/longitude pair as one map picker item."""
    items = []
    visible = {field.name: field for field in form.visible_fields()}
    placed = "latitude" in visible and "longitude" in visible
    for name in names:
        if name not in visible or (placed and name == "longitude"):
            continue
        if placed and name == "latitude":
            items.append({"place": (visible["latitude"], visible["longitude"])})
        else:
            items.append({"field": visible[name]})
    return items


@register.filter
def form_layout(form) -> list[dict]:
    """The form's sections (`form.sections`: (legend, help, field names)), then the fields
    no section names, in an untitled one; a form without sections is one untitled section."""
    sections = []
    named = set()
    for legend, help_text, names in getattr(form, "sections", ()):
        sections.append({"legend": legend, "help": help_text, "items": _items(form, names)})
        named.update(names)
    rest = [field.name for field in form.visible_fields() if field.name not in named]
    if rest:
        sections.append({"legend": "", "help": "", "items": _items(form, rest)})
    return sections


@register.inclusion_tag("includes/map_picker.html", takes_context=True)
def map_picker(context, latitude, longitude) -> dict:
    """A map to click or drag a marker on, filling `latitude` and `longitude` (kept below it,
    collapsed once the map works); an address search when a geocoder is configured."""
    from django.conf import settings

    territory = context.get("territory")
    centre = ("", "")
    if territory is not None and territory.map_latitude is not None:
        centre = (str(territory.map_latitude), str(territory.map_longitude))
    return {
        "latitude": latitude,
        "longitude": longitude,
        "centre": centre,
        "zoom": getattr(territory, "map_zoom", 13) or 13,
        "tiles_url": settings.MAP_TILES_URL,
        "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
        "geocoder_url": settings.MAP_GEOCODER_URL,
    }
