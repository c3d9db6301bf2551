"""What notifications plug into the platform: what they hold about a person."""

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data

from . import personal_data

register_personal_data(personal_data.notifications)
