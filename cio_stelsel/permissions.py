"""The one permission-aware entry point.

Every read that depends on who asks goes through :func:`scope` (or a queryset
method built on it, such as ``IctActiviteit.objects.zichtbaar_voor(user)``):
pages, API viewsets, exports and reports alike. It reads the organisations on
which the user holds an object permission from django-guardian's direct
foreign-key permission models (object grants only, as
``get_objects_for_user(..., accept_global_perms=False)``), and adds the
rijksbrede view only for the roles whose Group carries it (the CIO Rijk, art
11, B7, B28). A Django superuser flag counts for nothing here.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from .rechten import GROEPSNAMEN, Recht, RijksbreedRecht


@dataclass(frozen=True)
class Scope:
    """The organisations on which a user holds one right.

    ``ministerie_ids``: the whole ministerie (its dienstonderdelen and ZBO's
    included, B14); ``dienstonderdeel_ids``: only that dienstonderdeel.
    """

    recht: str
    rijksbreed: bool = False
    ministerie_ids: frozenset[int] = field(default_factory=frozenset)
    dienstonderdeel_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def leeg(self) -> bool:
        return not (self.rijksbreed or self.ministerie_ids or self.dienstonderdeel_ids)

    def q(self, ministerie_veld: str = "ministerie", dienstonderdeel_veld: str | None = "dienstonderdeel") -> Q:
        """A Q that keeps the rows of this scope. Rows are identified by their ministerie and dienstonderdeel."""
        if self.rijksbreed:
            return Q()
        q = Q(**{f"{ministerie_veld}__in": self.ministerie_ids})
        if dienstonderdeel_veld and self.dienstonderdeel_ids:
            q |= Q(**{f"{dienstonderdeel_veld}__in": self.dienstonderdeel_ids})
        return q

    def filter(self, qs: QuerySet, ministerie_veld: str = "ministerie", dienstonderdeel_veld: str | None = "dienstonderdeel"):
        if self.leeg:
            return qs.none()
        return qs.filter(self.q(ministerie_veld, dienstonderdeel_veld))

    def omvat(self, ministerie_id: int | None, dienstonderdeel_id: int | None = None) -> bool:
        """Whether a row of this ministerie / dienstonderdeel is in scope."""
        return (
            self.rijksbreed
            or (ministerie_id is not None and ministerie_id in self.ministerie_ids)
            or (dienstonderdeel_id is not None and dienstonderdeel_id in self.dienstonderdeel_ids)
        )


# Which rights are also held rijksbreed by a global permission: only reading.
RIJKSBREED_BIJ = {Recht.PORTFOLIO_INZIEN: RijksbreedRecht.RIJKSBREED_INZIEN}


def groepsrechten(user) -> frozenset[str]:
    """The codenames of the global permissions the user's *role* Groups carry.

    Rights of the Besluit come from roles only, granted by someone else for a
    period (``services.rechten_synchroniseren``). Deliberately not
    ``user.has_perm``: that is always true for a Django superuser, and also
    counts permissions given to the user directly or to a non-role Group in the
    admin. A superuser flag grants no right of the Besluit (issue 13, finding 2).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    gecached = user.__dict__.get("_cio_groepsrechten")
    if gecached is None:
        gecached = frozenset(
            Permission.objects.filter(
                group__user=user, group__name__in=GROEPSNAMEN.values(), content_type__app_label="cio_stelsel"
            ).values_list("codename", flat=True)
        )
        user.__dict__["_cio_groepsrechten"] = gecached
    return gecached


def heeft_rijksbreed_recht(user, recht: str) -> bool:
    """A global permission of rechten.RijksbreedRecht, held through a role Group (never a superuser flag)."""
    return str(recht) in groepsrechten(user)


def scope(user, recht: str) -> Scope:
    """The organisations on which ``user`` holds ``recht`` (a rechten.Recht)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope(recht=recht)
    cache = user.__dict__.setdefault("_cio_scope_cache", {})
    if recht in cache:
        return cache[recht]
    rijksbreed_recht = RIJKSBREED_BIJ.get(recht)
    if rijksbreed_recht and heeft_rijksbreed_recht(user, rijksbreed_recht):
        resultaat = Scope(recht=recht, rijksbreed=True)
    else:
        resultaat = objectscope(user, recht)
    cache[recht] = resultaat
    return resultaat


def objectscope(user, recht: str) -> Scope:
    """Only the organisations on which ``user`` holds ``recht`` by an object grant (a role there), never rijksbreed."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope(recht=recht)
    ministeries, dienstonderdelen = _objectrechten(user)
    return Scope(
        recht=recht,
        ministerie_ids=ministeries.get(str(recht), frozenset()),
        dienstonderdeel_ids=dienstonderdelen.get(str(recht), frozenset()),
    )


def _objectrechten(user) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """All object grants of ``user`` on ministeries and dienstonderdelen: {codename: ids}, once per request.

    The same answer as guardian's ``get_objects_for_user(..., accept_global_perms=False)``
    (the user's own and their groups' object permissions, no global ones, no
    superuser shortcut), read straight from the direct foreign-key permission
    models: four small queries for every right at once, instead of several per
    right (the permission matrix asks thousands of times; so does every page).
    """
    gecached = user.__dict__.get("_cio_objectrechten")
    if gecached is not None:
        return gecached
    from .models import (
        DienstonderdeelGroupObjectPermission,
        DienstonderdeelUserObjectPermission,
        MinisterieGroupObjectPermission,
        MinisterieUserObjectPermission,
    )

    def verzamel(*querysets) -> dict[str, frozenset[int]]:
        uit: dict[str, set[int]] = {}
        for qs in querysets:
            for codename, pk in qs.values_list("permission__codename", "content_object_id"):
                uit.setdefault(codename, set()).add(pk)
        return {k: frozenset(v) for k, v in uit.items()}

    groepen = user.groups.all()
    resultaat = (
        verzamel(
            MinisterieUserObjectPermission.objects.filter(user=user),
            MinisterieGroupObjectPermission.objects.filter(group__in=groepen),
        ),
        verzamel(
            DienstonderdeelUserObjectPermission.objects.filter(user=user),
            DienstonderdeelGroupObjectPermission.objects.filter(group__in=groepen),
        ),
    )
    user.__dict__["_cio_objectrechten"] = resultaat
    return resultaat


def vergeet_scope(user) -> None:
    """Drop the per-request cache after rights changed."""
    user.__dict__.pop("_cio_scope_cache", None)
    user.__dict__.pop("_cio_groepsrechten", None)
    user.__dict__.pop("_cio_objectrechten", None)
    for attr in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(attr, None)
