"""The English catalogue stays complete (conventions: "an English catalogue that stays complete").

The msgids are Dutch, the source language; locale/en/LC_MESSAGES/django.po holds the
English translation and django.mo its compiled form (committed, so running the app
needs no gettext). `make messages` updates both. These tests check that

- every entry of the .po has a translation and none is fuzzy;
- the .mo holds exactly the translations of the .po (it was compiled after the last edit);
- a page requested in English is rendered in English;
- every translatable string in the source is in the .po, and nothing more: this runs
  Django's makemessages (which needs GNU gettext's xgettext) on a copy of the source.
  Without xgettext the test is skipped locally and fails in CI (CI=true), where
  `make test` installs gettext (scripts/systeempakketten.sh test).

The .po is read with a small parser below, so the tests need no extra package.
"""

import os
import re
import shutil
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

BASE_DIR = Path(settings.BASE_DIR)
PO = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

HERSTEL = "Run `make messages`, translate every new or empty msgstr, remove '#, fuzzy' and run it again."

# --- A minimal .po reader (enough for what makemessages writes)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(tekst: str) -> str:
    tekst = tekst.strip()
    assert tekst.startswith('"') and tekst.endswith('"'), tekst
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), tekst[1:-1])


def lees_po(pad: Path) -> list[dict]:
    """The entries of a .po file.

    Each entry: msgctxt, msgid, msgid_plural, msgstr ({index: text}), flags, bronnen (the
    "#:" references), obsolete (a "#~" entry) and regel (its first line number).
    """
    entries: list[dict] = []
    entry: dict | None = None
    veld: tuple | None = None

    def huidige(regelnummer: int, begint_nieuw: bool) -> dict:
        nonlocal entry
        if entry is None or (begint_nieuw and entry["msgid"] is not None):
            entry = {
                "msgctxt": None,
                "msgid": None,
                "msgid_plural": None,
                "msgstr": {},
                "flags": set(),
                "bronnen": [],
                "obsolete": False,
                "regel": regelnummer,
            }
            entries.append(entry)
        return entry

    for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
        obsolete = regel.startswith("#~")
        if obsolete:
            regel = regel[2:].lstrip()
        if not regel.strip():
            veld = None
        elif regel.startswith("#"):
            # Comments belong to the entry that follows them.
            e = huidige(nummer, begint_nieuw=True)
            if regel.startswith("#,"):
                e["flags"].update(f.strip() for f in regel[2:].split(","))
            elif regel.startswith("#:"):
                e["bronnen"].extend(regel[2:].split())
            veld = None
        elif m := re.match(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")\s*$', regel):
            naam, index, tekst = m.group(1), m.group(2), _unquote(m.group(3))
            e = huidige(nummer, begint_nieuw=naam in ("msgctxt", "msgid") and not (naam == "msgid" and veld == ("msgctxt", None)))
            e["obsolete"] = e["obsolete"] or obsolete
            veld = ("msgstr", int(index or 0)) if naam == "msgstr" else (naam, None)
            if naam == "msgstr":
                e["msgstr"][veld[1]] = tekst
            else:
                e[naam] = tekst
        elif regel.lstrip().startswith('"') and entry is not None and veld is not None:
            if veld[0] == "msgstr":
                entry["msgstr"][veld[1]] += _unquote(regel)
            else:
                entry[veld[0]] += _unquote(regel)
        else:
            raise AssertionError(f"{pad}:{nummer}: line not understood: {regel!r}")
    return [e for e in entries if e["msgid"] is not None]


def sleutel(entry: dict) -> str:
    """The key as gettext stores it in a .mo: [msgctxt EOT] msgid [NUL msgid_plural]."""
    s = entry["msgid"]
    if entry["msgid_plural"] is not None:
        s += "\x00" + entry["msgid_plural"]
    if entry["msgctxt"] is not None:
        s = entry["msgctxt"] + "\x04" + s
    return s


def waarde(entry: dict) -> str:
    return "\x00".join(entry["msgstr"][i] for i in sorted(entry["msgstr"]))


def lees_mo(pad: Path) -> dict[str, str]:
    """All messages in a .mo file (GNU gettext format), key as in sleutel()."""
    data = pad.read_bytes()
    (magic,) = struct.unpack("<I", data[:4])
    orde = {0x950412DE: "<", 0xDE120495: ">"}.get(magic)
    assert orde, f"{pad} is not a .mo file"
    _, aantal, origineel, vertaling = struct.unpack(orde + "4I", data[4:20])
    berichten = {}
    for i in range(aantal):
        lengte_o, plek_o = struct.unpack(orde + "2I", data[origineel + 8 * i : origineel + 8 * i + 8])
        lengte_v, plek_v = struct.unpack(orde + "2I", data[vertaling + 8 * i : vertaling + 8 * i + 8])
        msgid = data[plek_o : plek_o + lengte_o].decode("utf-8")
        berichten[msgid] = data[plek_v : plek_v + lengte_v].decode("utf-8")
    return berichten


def beschrijf(entries) -> str:
    return "\n".join(f"  {PO.name}:{e['regel']}: {e['msgid'][:100]!r}" for e in entries)


@pytest.fixture(scope="module")
def po_entries():
    assert PO.exists(), f"{PO} is missing. {HERSTEL}"
    return lees_po(PO)


# --- (a) complete and not fuzzy


def test_catalogus_is_volledig_vertaald(po_entries):
    actief = [e for e in po_entries if not e["obsolete"]]
    assert len(actief) > 100, "The English catalogue is suspiciously small."
    header = [e for e in actief if e["msgid"] == "" and e["msgctxt"] is None]
    assert header and "Plural-Forms:" in header[0]["msgstr"][0], "The catalogue needs a header with Plural-Forms."

    fuzzy = [e for e in po_entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"Fuzzy entries (header included) are not used by gettext. {HERSTEL}\n{beschrijf(fuzzy)}"

    berichten = [e for e in actief if e["msgid"] != ""]
    leeg = [e for e in berichten if not e["msgstr"] or any(not t.strip() for t in e["msgstr"].values())]
    assert not leeg, f"Untranslated entries in {PO}. {HERSTEL}\n{beschrijf(leeg)}"

    meervoud = [e for e in berichten if e["msgid_plural"] is not None and sorted(e["msgstr"]) != [0, 1]]
    assert not meervoud, f"English has two plural forms: msgstr[0] and msgstr[1].\n{beschrijf(meervoud)}"

    obsolete = [e for e in po_entries if e["obsolete"]]
    assert not obsolete, f"Obsolete (#~) entries: {HERSTEL}\n{beschrijf(obsolete)}"


PLAATSHOUDER = re.compile(r"%\((\w+)\)[sdifr]|\{\{\s*[\w.]+\s*\}\}")


def test_vertalingen_gebruiken_dezelfde_plaatshouders(po_entries):
    """A translation may not name a placeholder the source does not pass (KeyError at runtime) nor drop one."""
    fout = []
    for e in po_entries:
        if e["obsolete"] or e["msgid"] == "":
            continue
        bron = set(PLAATSHOUDER.findall(e["msgid"] + (e["msgid_plural"] or "")))
        for tekst in e["msgstr"].values():
            doel = set(PLAATSHOUDER.findall(tekst))
            if not doel <= bron or (e["msgid_plural"] is None and doel != bron):
                fout.append(e)
                break
        else:
            if e["msgid_plural"] is not None:
                alle = set(PLAATSHOUDER.findall("".join(e["msgstr"].values())))
                if alle != bron:
                    fout.append(e)
    assert not fout, f"Placeholders differ between msgid and msgstr:\n{beschrijf(fout)}"


# --- (b) the .mo is compiled from this .po


def test_mo_is_gecompileerd_uit_de_po(po_entries):
    assert MO.exists(), f"{MO} is missing: run `make messages` (compilemessages) and commit the .mo."
    verwacht = {sleutel(e): waarde(e) for e in po_entries if not e["obsolete"] and e["msgid"] != "" and "fuzzy" not in e["flags"]}
    gecompileerd = {k: v for k, v in lees_mo(MO).items() if k != ""}
    ontbreekt = sorted(set(verwacht) - set(gecompileerd))
    over = sorted(set(gecompileerd) - set(verwacht))
    anders = sorted(k for k in set(verwacht) & set(gecompileerd) if verwacht[k] != gecompileerd[k])
    assert not (ontbreekt or over or anders), (
        f"{MO.name} does not match {PO.name}: compile it again (`make messages` or "
        f"`python manage.py compilemessages -l en`) and commit it. "
        f"Missing in .mo: {ontbreekt[:5]}; not in .po: {over[:5]}; different: {anders[:5]}"
    )


# --- (c) a page in English


@pytest.mark.django_db
def test_inlogpagina_in_het_engels():
    nl = Client().get("/inloggen/")
    assert nl.status_code == 200
    assert "Log in met uw gebruikersnaam en wachtwoord" in nl.content.decode()

    for client, hoe in (
        (Client(HTTP_ACCEPT_LANGUAGE="en"), "Accept-Language"),
        (Client(), "language cookie"),
    ):
        if hoe == "language cookie":
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        antwoord = client.get("/inloggen/")
        html = antwoord.content.decode()
        assert antwoord.status_code == 200, hoe
        assert '<html lang="en"' in html, hoe
        assert "Log in with your username and password to work with the CIO-stelsel." in html, hoe
        assert "Forgotten your password or no account?" in html, hoe
        assert "Wachtwoord vergeten of geen account?" not in html, hoe


# --- (d) every string in the source is in the catalogue


def _makemessages_ignore() -> list[str]:
    """The --ignore patterns of `make messages` (MESSAGES_IGNORE in the Makefile), so both agree."""
    makefile = (BASE_DIR / "Makefile").read_text(encoding="utf-8")
    m = re.search(r"^MESSAGES_IGNORE\s*:?=\s*(.+)$", makefile, re.MULTILINE)
    assert m, "The Makefile defines MESSAGES_IGNORE for `make messages`."
    return re.findall(r"--ignore=(\S+)", m.group(1))


def test_catalogus_bevat_elke_tekst_uit_de_bron(po_entries, tmp_path, monkeypatch):
    if not shutil.which("xgettext") or not shutil.which("msguniq"):
        reden = "GNU gettext (xgettext) is not installed: run `bash scripts/systeempakketten.sh messages`."
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reden)
        pytest.skip(reden)

    ignore = _makemessages_ignore()
    # A copy of the source: makemessages writes into the locale directory of the tree
    # it scans, and the real catalogue must not change while the tests run.
    kopie = tmp_path / "bron"
    overslaan = set(ignore) | {"locale", "node_modules", "__pycache__"}
    shutil.copytree(
        BASE_DIR,
        kopie,
        ignore=lambda _map, namen: [
            n for n in namen if n in overslaan or n.startswith(".") or n.endswith((".sqlite3", ".pyc", ".mo", ".po"))
        ],
        symlinks=True,
    )
    (kopie / "locale").mkdir()
    monkeypatch.chdir(kopie)
    with override_settings(LOCALE_PATHS=[]):
        call_command("makemessages", locale=["en"], ignore_patterns=ignore, no_obsolete=True, verbosity=0)
    bron = {sleutel(e): e for e in lees_po(kopie / "locale" / "en" / "LC_MESSAGES" / "django.po") if e["msgid"]}
    catalogus = {sleutel(e): e for e in po_entries if e["msgid"] and not e["obsolete"]}

    ontbreekt = sorted(set(bron) - set(catalogus))
    vervallen = sorted(set(catalogus) - set(bron))
    melding = []
    if ontbreekt:
        melding.append(
            f"{len(ontbreekt)} translatable string(s) in the source are not in {PO.name}:\n"
            + "\n".join(f"  {k[:100]!r} ({', '.join(sorted(set(bron[k]['bronnen'])))})" for k in ontbreekt[:30])
        )
    if vervallen:
        melding.append(
            f"{len(vervallen)} string(s) in {PO.name} no longer occur in the source:\n"
            + "\n".join(f"  {k[:100]!r}" for k in vervallen[:30])
        )
    assert not melding, HERSTEL + "\n" + "\n".join(melding)
