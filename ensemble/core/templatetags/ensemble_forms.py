from django import template

register = template.Library()


@register.filter
def accessible_widget(field):
    """Render a field's widget tied to its help text and errors for screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def is_choice_list(field) -> bool:
    return field.widget_type in {"checkboxselectmultiple", "radioselect"}
