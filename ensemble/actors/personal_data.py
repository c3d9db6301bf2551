"""What organisations hold about a person: their memberships and personal offers, removed
on erasure (the organisations themselves stay)."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Offer, OrganisationInvitation, OrganisationMember

organisations = PersonalData(
    key="organisations",
    label=_("Organisations you belong to and what you offer"),
    retention=_("until you leave or withdraw the offer"),
    on_erasure=_("removed"),
    export=lambda user: {
        "memberships": rows(
            OrganisationMember.objects.filter(user=user),
            "organisation_id",
            "organisation__name",
            "role",
        ),
        "offers": rows(
            Offer.objects.filter(user=user),
            "id",
            "kind",
            "title",
            "description",
            "skill",
            "availability",
            "is_active",
        ),
        "invitations": rows(
            OrganisationInvitation.objects.filter(user=user),
            "organisation_id",
            "organisation__name",
            "role",
            "status",
            "created_at",
            "answered_at",
        ),
    },
    erase=lambda user: (
        OrganisationMember.objects.filter(user=user).delete(),
        Offer.objects.filter(user=user).delete(),
        OrganisationInvitation.objects.filter(user=user).delete(),
    ),
)
