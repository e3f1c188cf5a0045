"""The official publication of a Tweede Kamerstuk, from its number.

A Kamerstuk is cited as dossier number, optional chapter (a budget chapter such as
"VII" or a letter such as "A") and ondernummer: "26 643, nr. 656", "36 200-VII, nr. 5",
"26643-656". The official publication on officielebekendmakingen.nl has the identifier
``kst-<dossier>[-<hoofdstuk>]-<nr>``, so the number alone gives its address. A number
that does not have this shape gives no address (the page shows it without a link).
"""

import re

BASIS = "https://zoek.officielebekendmakingen.nl/"

_NUMMER = re.compile(
    r"""^\s*(?:kst-)?
    (?P<dossier>\d{1,3}(?:[ .]?\d{3})+|\d{4,6})    # 26 643 / 26.643 / 26643
    (?:[\s-]+(?!nr\b|nummer\b)(?P<hoofdstuk>[IVXLC]+|[A-Z]{1,2})(?=[\s,-]))?  # VII, A, XVIII
    \s*[,-]?\s*(?:nr\.?|nummer)?\s*
    (?P<nr>\d{1,5})\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def kamerstuk_id(nummer: str) -> str | None:
    """``kst-26643-656`` for "26 643, nr. 656"; None when the number has another shape."""
    m = _NUMMER.match(nummer or "")
    if not m:
        return None
    dossier = re.sub(r"[ .]", "", m["dossier"])
    delen = ["kst", dossier]
    if m["hoofdstuk"]:
        delen.append(m["hoofdstuk"].upper())
    delen.append(str(int(m["nr"])))
    return "-".join(delen)


def kamerstuk_url(nummer: str) -> str | None:
    """The address of the official publication of the Kamerstuk ``nummer``, or None."""
    ident = kamerstuk_id(nummer)
    return f"{BASIS}{ident}.html" if ident else None
