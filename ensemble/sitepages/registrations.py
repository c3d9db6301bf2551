"""What the territory pages plug into the apps below them (autodiscovered at start-up)."""

from ensemble.territories.opening import TemplatePart, template_parts

from .services import pages_copy

# A territory opened from a template starts with the template's pages.
template_parts.register(TemplatePart(key="pages", label="pages", copy=pages_copy))
