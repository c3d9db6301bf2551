"""factory-boy factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.utils.text import slugify

from ensemble.accounts.models import User
from ensemble.territories.models import Membership, Neighbourhood, Territory, Theme
from ensemble.territories.roles import Role

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=obj, email=obj.email, primary=True, verified=extracted is not False
            )


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Une commune **accueillante**."


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    territory = factory.SubFactory(TerritoryFactory)
    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    territory = None
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def member(territory, role: str = Role.MEMBER, **user_kwargs) -> User:
    """A new person with `role` in `territory`, counters kept true."""
    from ensemble.territories.services import membership_join

    user = UserFactory(**user_kwargs)
    membership = membership_join(user=user, territory=territory)
    if role != Role.MEMBER:
        Membership.objects.filter(pk=membership.pk).update(role=role)
        user.__dict__.pop("_territory_memberships", None)
    return user
