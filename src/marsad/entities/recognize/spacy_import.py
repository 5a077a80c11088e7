"""spaCy, imported without torch.

thinc (spaCy's network library) imports torch whenever torch is installed, only to offer
it as a backend; our NER models are thinc's own CPU networks and never use it. torch is
installed beside Marsad by the ``transformers`` extra (and in the development
environment), and its import alone took ~2.4 s of CPU on this 2-core machine: more than
half of the start-up of ``marsad extract`` on one article (spaCy 3.7 s CPU with torch,
~1 s without; docs/speed.md). So the first import of spaCy in a process goes through
``spacy_module``, which hides torch from thinc for that import only. A process that has
already imported torch (the transformer NER backend) keeps it: thinc then sees it as
before.
"""

from __future__ import annotations

import sys
from types import ModuleType


def spacy_module() -> ModuleType:
    """The spaCy package; the first call imports it with torch hidden from thinc."""
    if "spacy" in sys.modules or "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]  # a later `import torch` (transformers) works as usual
    return spacy
