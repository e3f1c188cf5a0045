"""Django admin for functional administrators. Every change is written to the audit log.

Role assignments and audit records are read-only here: appointing and dismissing
go through the pages (and services) that enforce S1-S8 and grant the rights.
"""

from django.contrib import admin

from . import audit
from .models import (
    Art17Afwijking,
    AuditRecord,
    CioOffice,
    Dienstonderdeel,
    HandvestVersie,
    Ministerie,
    Overleglidmaatschap,
    Overlegorgaan,
    Persoon,
    Roltoewijzing,
    Zbo,
)


class AuditAdminMixin:
    """Writes an audit record for every save and delete done through the admin (same transaction)."""

    def save_model(self, request, obj, form, change):
        voor = audit.momentopname(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        audit.vastleggen(
            actor=request.user,
            actie=f"{obj._meta.model_name}.{'gewijzigd' if change else 'aangemaakt'}",
            obj=obj,
            voor=voor,
            na=audit.momentopname(obj),
            reden="beheer (admin)",
        )

    def delete_model(self, request, obj):
        voor = audit.momentopname(obj)
        audit.vastleggen(actor=request.user, actie=f"{obj._meta.model_name}.verwijderd", obj=obj, voor=voor, reden="beheer (admin)")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class AlleenLezenAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ministerie)
class MinisterieAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ("naam", "afkorting", "code", "geldig_van", "geldig_tot")
    search_fields = ("naam", "afkorting", "code")
    filter_horizontal = ("voorgangers",)


@admin.register(Dienstonderdeel)
class DienstonderdeelAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ("naam", "afkorting", "ministerie", "substantieel_portfolio", "is_ict_dienstverlener")
    list_filter = ("ministerie", "substantieel_portfolio", "is_ict_dienstverlener")
    search_fields = ("naam", "afkorting")


@admin.register(Zbo)
class ZboAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ("naam", "afkorting", "ministerie")
    list_filter = ("ministerie",)
    search_fields = ("naam",)


@admin.register(Persoon)
class PersoonAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "email", "user")
    search_fields = ("voornaam", "achternaam", "email")
    raw_id_fields = ("user",)


@admin.register(CioOffice)
class CioOfficeAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ("naam", "ministerie", "dienstonderdeel")


@admin.register(Overlegorgaan)
class OverlegorgaanAdmin(AuditAdminMixin, admin.ModelAdmin):
    list_display = ("soort",)


@admin.register(Roltoewijzing)
class RoltoewijzingAdmin(AlleenLezenAdmin):
    list_display = ("persoon", "rol", "ministerie", "dienstonderdeel", "begindatum", "einddatum")
    list_filter = ("rol", "ministerie")
    search_fields = ("persoon__achternaam",)


@admin.register(Overleglidmaatschap)
class OverleglidmaatschapAdmin(AlleenLezenAdmin):
    list_display = ("overlegorgaan", "persoon", "functie", "begindatum", "einddatum")


@admin.register(HandvestVersie)
class HandvestVersieAdmin(AlleenLezenAdmin):
    list_display = ("overlegorgaan", "versie", "vastgesteld_op")


@admin.register(Art17Afwijking)
class Art17AfwijkingAdmin(AlleenLezenAdmin):
    list_display = ("ministerie", "status", "begindatum", "einddatum")


@admin.register(AuditRecord)
class AuditRecordAdmin(AlleenLezenAdmin):
    list_display = ("tijdstip", "actor_naam", "actie", "object_type", "object_weergave")
    list_filter = ("actie", "object_type")
    search_fields = ("object_weergave", "actor_naam", "reden")
