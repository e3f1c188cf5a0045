"""HTML to accessible PDF with WeasyPrint: tagged PDF/UA-1, document language and title from the HTML.

WeasyPrint is imported inside the function (it is heavy and needs Pango), and
only file: and data: URLs are fetched: static files are read from disk, never
over HTTP, not even from this application.
"""

from pathlib import Path

from django.conf import settings


def html_naar_pdf(html: str) -> bytes:
    from weasyprint import HTML, URLFetcher

    basis = (Path(settings.BASE_DIR) / "static").as_uri() + "/"
    fetcher = URLFetcher(allowed_protocols=["file", "data"])
    return HTML(string=html, base_url=basis, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
