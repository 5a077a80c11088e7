"""Language profiles: what the stages need to know about a language, as data.

profile("ar").cased        -> False
profile("ckb").script      -> "arabic"
full_pipeline_langs()      -> ("ar", "en")
"""

from marsad.langs.profile import LangProfile
from marsad.langs.registry import (
    full_pipeline_langs,
    is_cased,
    profile,
    profiles,
    writes_arabic_script,
)

__all__ = [
    "LangProfile",
    "full_pipeline_langs",
    "is_cased",
    "profile",
    "profiles",
    "writes_arabic_script",
]
