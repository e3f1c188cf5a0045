"""How passwords are stored: Argon2id with the parameters of the OWASP Password Storage Cheat Sheet.

Django 5.2's default, PBKDF2-SHA256 with 1,000,000 iterations, costs 0.3 s of CPU per
log-in on a server core (0.8 s under load; measured by ``benchmarks/inloggen.py``), and a
log-in page that a user waits a second for. Argon2id with 19 MiB of memory, two passes
and one lane (OWASP's first recommendation, equivalent in strength to PBKDF2 at 600,000
iterations) costs a few hundredths of a second and resists GPU attacks better because
it is memory-hard. A password stored with another hasher of PASSWORD_HASHERS still
works and is stored again with this one at the next log-in (Django's ``must_update``).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id, m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet)."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
