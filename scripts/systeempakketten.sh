#!/usr/bin/env bash
# Installs the Debian packages CIO-stelsel needs, but only the ones missing.
#
#   scripts/systeempakketten.sh run    # to run the application (WeasyPrint)
#   scripts/systeempakketten.sh test   # to run the tests (also Chromium, gettext, poppler)
#   scripts/systeempakketten.sh messages  # only gettext, for `make messages`
#   scripts/systeempakketten.sh bench  # wrk, the load generator of benchmarks/dashboard.py and last.py
#
# Every package is first looked up with dpkg-query, so on a machine that has
# them all this does nothing and needs no network. Only when something is
# missing does it run `apt-get update` and `apt-get install`, with sudo when
# not root. Python's venv support (python3.11-venv) is added when
# `$PYTHON -m venv` could not work (PYTHON defaults to python3.11).
# Targets Debian 12 (bookworm); also used by the Dockerfile.
set -euo pipefail

mode="${1:-}"
PYTHON="${PYTHON:-python3.11}"

# WeasyPrint (>= 62) loads Pango, PangoFT2 and HarfBuzz' subsetter through
# cffi; it needs at least one font. GLib, fontconfig and HarfBuzz itself come
# along as dependencies of these. tzdata: Europe/Amsterdam for zoneinfo
# (present on a normal Debian, not always in slim container images).
run_packages=(
    libpango-1.0-0
    libpangoft2-1.0-0
    libharfbuzz-subset0
    fonts-dejavu-core
    tzdata
)

# The tests also need: Debian's Chromium for the browser tests (Playwright
# cannot download its own browser here), metric-compatible Arial/Times
# fonts so pages render like on a civil servant's laptop, gettext for
# makemessages/compilemessages, and poppler-utils (pdftotext, pdftoppm) to
# look inside generated PDFs.
test_packages=(
    "${run_packages[@]}"
    chromium
    fonts-liberation
    gettext
    poppler-utils
)

case "$mode" in
    run) wanted=("${run_packages[@]}") ;;
    test) wanted=("${test_packages[@]}") ;;
    messages) wanted=(gettext) ;;
    bench) wanted=(wrk) ;;
    *)
        echo "Gebruik: $0 run|test|messages|bench" >&2
        exit 2
        ;;
esac

# Python's venv module needs ensurepip, which Debian ships separately in
# python3.11-venv. A Python from elsewhere (pyenv, the python:3.11 image)
# has it built in, so only ask apt when the import fails.
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    wanted+=(python3.11 python3.11-venv python3-venv)
elif ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    wanted+=(python3.11-venv python3-venv)
fi

# Keep only the packages that are not installed yet.
missing=()
for package in "${wanted[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "Systeempakketten ($mode): alles aanwezig."
    exit 0
fi

echo "Systeempakketten ($mode): installeren: ${missing[*]}"
sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
