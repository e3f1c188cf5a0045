"""HTML to accessible PDF with WeasyPrint: tagged PDF/UA-1, document language and title from the HTML.

WeasyPrint is imported inside the function (it is heavy and needs Pango), and
only file: and data: URLs are fetched: static files are read from disk, never
over HTTP, not even from this application.
"""

from pathlib import Path

from django.conf import settings


def _paginaverwijzingen_eenmaal() -> None:
    """Make ``pydyf.PDF.page_references`` compute its tuple once per page count instead of on every access.

    WeasyPrint's tagging (``weasyprint.pdf.tags``) reads ``pdf.page_references[n]``
    for every structure element it makes, and pydyf rebuilds the tuple of all
    pages on every read: tagging a document of *e* elements and *p* pages costs
    *e × p* (the Jaarrapportage of 2,000 activities: 66,000 elements × 145 pages,
    9.6 million string formats, over a second). The cached tuple is rebuilt when
    a page is added (``Kids`` grows), so the references and the PDF bytes are
    exactly the same.
    """
    import pydyf

    if getattr(pydyf.PDF.page_references.fget, "_cio_eenmaal", False):
        return

    def page_references(self):
        kinderen = self.pages["Kids"]
        onthouden = self.__dict__.get("_cio_paginaverwijzingen")
        if onthouden is None or onthouden[0] != len(kinderen):
            onthouden = (len(kinderen), tuple(f"{nummer} 0 R".encode("ascii") for nummer in kinderen[::3]))
            self.__dict__["_cio_paginaverwijzingen"] = onthouden
        return onthouden[1]

    page_references._cio_eenmaal = True
    pydyf.PDF.page_references = property(page_references)


def html_naar_pdf(html: str) -> bytes:
    from weasyprint import HTML, URLFetcher

    _paginaverwijzingen_eenmaal()
    basis = (Path(settings.BASE_DIR) / "static").as_uri() + "/"
    fetcher = URLFetcher(allowed_protocols=["file", "data"])
    return HTML(string=html, base_url=basis, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
