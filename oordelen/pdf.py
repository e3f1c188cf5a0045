"""A decided CIO-oordeel as PDF."""

from django.template.loader import render_to_string
from django.utils import translation

from cio_stelsel.pdf import html_naar_pdf


def oordeel_pdf(oordeel) -> bytes:
    with translation.override("nl"):
        html = render_to_string(
            "oordelen/oordeel_pdf.html",
            {
                "oordeel": oordeel,
                "activiteit": oordeel.activiteit,
                "voorwaarden": oordeel.voorwaarden.all(),
                "afwijking": getattr(oordeel, "afwijking", None),
            },
        )
    return html_naar_pdf(html)
