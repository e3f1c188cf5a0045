"""Permission-aware reads of the cio_stelsel app that the views, the API and exports share."""

from django.apps import apps
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from .models import AuditRecord
from .permissions import heeft_rijksbreed_recht, objectscope
from .rechten import Recht, RijksbreedRecht


def _modellen_met_leesregel() -> dict[str, type]:
    """Every model whose manager has the permission-aware entry point ``zichtbaar_voor(user)``.

    Found by looking, not listed, so a new subject with its own read rule also
    governs who reads its audit trail the day it is added.
    """
    return {
        model._meta.label_lower: model
        for model in apps.get_models()
        if model is not AuditRecord and callable(getattr(model._default_manager, "zichtbaar_voor", None))
    }


def audit_zichtbaar_voor(user) -> QuerySet[AuditRecord]:
    """The audit records ``user`` may read: the one entry point of the audit page, its search and any export.

    A record about an object shows that object's fields ("voor"/"na"), so it is
    visible only to who may see the object, by the same rule (issue 13, finding 3;
    B28: the CIO Rijk has no blanket access to a ministry's drafts):

    * a record about an object of a model with ``zichtbaar_voor``: only when that
      object is visible to the user, or when the record belongs to an organisation
      on which the user holds a role (their own ministerie sees its own trail,
      drafts and since-deleted objects included);
    * any other record (roles, organisation, reporting model, ...): the holder of
      ``audit_inzien`` (the CIO Rijk) all, everyone else those of their own
      organisation;
    * and always the records of what the user did themselves.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return AuditRecord.objects.none()
    # Only organisations held by an object grant (a role there) count as "own"; a rijksbrede read right does not.
    eigen = objectscope(user, Recht.PORTFOLIO_INZIEN)
    eigen_organisatie = eigen.q() if not eigen.leeg else Q(pk__in=[])

    modellen = _modellen_met_leesregel()
    met_leesregel = Q(object_type__in=list(modellen))
    objectregel = Q(pk__in=[])
    for label, model in modellen.items():
        zichtbaar = model._default_manager.zichtbaar_voor(user).annotate(_id_tekst=Cast("pk", CharField())).values("_id_tekst")
        objectregel |= Q(object_type=label, object_id__in=zichtbaar)
    if heeft_rijksbreed_recht(user, RijksbreedRecht.AUDIT_INZIEN):
        overig = ~met_leesregel
    else:
        overig = ~met_leesregel & eigen_organisatie
    return AuditRecord.objects.filter(Q(actor=user) | objectregel | (met_leesregel & eigen_organisatie) | overig)
