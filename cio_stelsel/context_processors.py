"""Navigation and the logged-in state for the base template."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import heeft_rijksbreed_recht
from .rechten import GROEPSNAMEN, RijksbreedRecht


def navigatie(request):
    user = getattr(request, "user", None)
    pad = request.path
    items = [
        (_("Rijks ICT-dashboard"), "dashboard:home"),
    ]
    rollen: list[str] = []
    if user is None or not user.is_authenticated:
        # The public dashboard's sections (a logged-in user reaches them from the dashboard's home page).
        items += [
            (_("ICT-activiteiten"), "dashboard:activiteiten"),
            (_("Ministeries"), "dashboard:ministeries"),
            (_("Informatieplannen"), "iplannen:lijst"),  # the openbare plans (informatieplannen/publiek.py)
            (_("Grafieken"), "dashboard:grafieken"),
            (_("I-strategie"), "istrategie_publiek:istrategie"),
            (_("Toezeggingen"), "istrategie_publiek:toezeggingen"),
            (_("Open data"), "dashboard:open_data"),
            (_("Jaarrapportages"), "jaarrapportage:publiek"),
        ]
    else:
        items += [
            (_("Mijn werkvoorraad"), "cio_stelsel:werkvoorraad"),
            (_("Portfolio"), "portfolio:lijst"),
            (_("CIO-oordelen"), "oordelen:lijst"),
            (_("Informatieplannen"), "informatieplannen:lijst"),
            (_("I-strategie"), "istrategie:overzicht"),
            (_("Publicatie"), "portfolio:publicatie"),
            (_("Jaarrapportage"), "jaarrapportage:lijst"),
            (_("Organisatie"), "cio_stelsel:ministeries"),
        ]
        if heeft_rijksbreed_recht(user, RijksbreedRecht.STELSEL_INZIEN):
            items.append((_("Stelsel-overzicht"), "cio_stelsel:stelsel_overzicht"))
        if heeft_rijksbreed_recht(user, RijksbreedRecht.RAPPORTAGEMODEL_BEHEREN):
            # Only the CIO Rijk manages the reporting model (B13, art 16.3).
            items.append((_("Rapportagemodel"), "portfolio:rapportagemodel"))
        items.append((_("Auditlog"), "cio_stelsel:audit"))
        if heeft_rijksbreed_recht(user, RijksbreedRecht.STELSEL_BEHEREN):
            items.append((_("Tweede factor"), "tweede_factor:beheer"))
        namen = set(user.groups.values_list("name", flat=True))
        rollen = [naam for naam in GROEPSNAMEN.values() if naam in namen]
    hoofdnavigatie = []
    for label, naam in items:
        try:
            url = reverse(naam)
        except Exception:  # an app whose pages are not there yet
            continue
        hoofdnavigatie.append({"label": label, "url": url, "actief": False})
    # The current item is the one whose address is the longest prefix of this page's.
    passend = [i for i in hoofdnavigatie if (pad == i["url"] if i["url"] == "/" else pad.startswith(i["url"]))]
    if passend:
        max(passend, key=lambda i: len(i["url"]))["actief"] = True
    from django.conf import settings

    return {"hoofdnavigatie": hoofdnavigatie, "gebruiker_rollen": rollen, "sso_aan": getattr(settings, "SSO_AAN", False)}
