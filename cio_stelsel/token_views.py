"""Pages for personal API tokens: list, create (the secret is shown once), revoke.

A user manages only their own tokens. Creating and revoking go through
``services.api_token_aanmaken`` / ``services.api_token_intrekken`` (audited).
The secret is rendered in the response to the POST that made it and nowhere
else: not in a redirect, a message or the session, and the page is not cached.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .forms import ApiTokenForm
from .models import ApiToken, vandaag

STANDAARD_LOOPTIJD = datetime.timedelta(days=90)


@login_required
def tokens(request):
    return render(
        request,
        "cio_stelsel/tokens.html",
        {"tokens": ApiToken.objects.filter(user=request.user), "vandaag": vandaag(), "docs_url": reverse("api:docs")},
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def token_nieuw(request):
    form = ApiTokenForm(request.POST or None, initial={"verloopt_op": vandaag() + STANDAARD_LOOPTIJD})
    if request.method == "POST" and form.is_valid():
        try:
            token, geheim = services.api_token_aanmaken(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            return render(request, "cio_stelsel/tokens_aangemaakt.html", {"token": token, "geheim": geheim})
    return render(request, "cio_stelsel/tokens_nieuw.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def token_intrekken(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "POST":
        try:
            services.api_token_intrekken(actor=request.user, token=token)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Het token '%(naam)s' is ingetrokken en werkt niet meer.") % {"naam": token.naam})
        return redirect("cio_stelsel:api_tokens")
    return render(request, "cio_stelsel/tokens_intrekken.html", {"token": token})
