"""Names in the interface's language: entities from the knowledge base or the store's
local entities (names seen in the articles), countries from the knowledge base or
ISO 3166 (pycountry). English pages keep the names as the pages give them."""

from __future__ import annotations

from functools import cache

from marsad.kb import default_kb
from marsad.store import Store


class NameBook:
    """``name(entity_id, fallback)``: the entity's first name in ``lang`` where the KB or
    the articles give one, else ``fallback``. One book per request: it caches lookups."""

    def __init__(self, store: Store | None, lang: str) -> None:
        self.store = store
        self.lang = lang
        self._seen: dict[str, str | None] = {}

    def name(self, entity_id: str | None, fallback: str) -> str:
        if self.lang == "en" or not entity_id:
            return fallback
        if entity_id not in self._seen:
            self._seen[entity_id] = self._lookup(entity_id)
        return self._seen[entity_id] or fallback

    def _lookup(self, entity_id: str) -> str | None:
        entry = default_kb().get(entity_id)
        if entry is not None:
            return entry.name(self.lang)
        if self.store is None:
            return None
        local = self.store.local_entity(entity_id)
        names = local.names.get(self.lang) if local else None
        return names[0] if names else None


def country_name(code: str, lang: str = "en") -> str:
    """The name of the ISO 3166-1 alpha-2 ``code``: the KB's country entry in ``lang``,
    else the ISO name ("Syria", not "SY"); the code itself when it is unknown."""
    return _country_names(lang).get(code.upper()) or _iso_name(code.upper(), lang) or code


@cache
def _country_names(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in default_kb():
        if entry.kind == "country" and entry.country and entry.name(lang):
            out.setdefault(entry.country, entry.name(lang) or "")
    return out


@cache
def _iso_name(code: str, lang: str) -> str | None:
    import gettext

    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return None
    name = str(getattr(found, "common_name", None) or found.name)
    if lang == "en":
        return name
    try:  # pycountry ships the iso-codes translations
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return name
    return local.gettext(found.name)
