from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ensemble.accounts import services
from ensemble.accounts.models import User
from ensemble.territories.models import Membership, Territory
from ensemble.territories.roles import Role
from ensemble.territories.services import membership_join


class Command(BaseCommand):
    help = "Create or update a person (idempotent), optionally with a territory role."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--password")
        parser.add_argument("--name", help="Display name (defaults to the part before @).")
        parser.add_argument("--verified", action="store_true", help="Mark the email as verified.")
        parser.add_argument("--superuser", action="store_true", help="Make a network admin.")
        parser.add_argument("--territory", help="Territory slug to join.")
        parser.add_argument("--role", choices=Role.values, default=Role.MEMBER)

    @transaction.atomic
    def handle(self, *args, email, password, name, verified, superuser, territory, role, **opts):
        email = User.objects.normalize_email(email).lower()
        user = User.objects.filter(email=email).first()
        try:
            if user is None:
                user = services.user_create(
                    email=email, password=password, display_name=name or email.split("@")[0],
                    verified=verified, is_superuser=superuser,
                )  # fmt: skip
                action = "Created"
            else:
                if password:
                    user.set_password(password)
                if name:
                    user.display_name = name
                if superuser:
                    user.is_superuser = user.is_staff = True
                user.full_clean(exclude=["password"])
                user.save()
                if verified:
                    services.user_set_verified(user=user)
                action = "Updated"
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        if territory:
            place = Territory.objects.filter(slug=territory).first()
            if place is None:
                raise CommandError(f"Unknown territory: {territory}")
            membership = membership_join(user=user, territory=place)
            Membership.objects.filter(pk=membership.pk).update(role=role)
        self.stdout.write(self.style.SUCCESS(f"{action} {email}"))
