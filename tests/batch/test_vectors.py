"""Story vectors made by Ray's workers are the vectors the clusterer would make itself."""

from __future__ import annotations

import numpy as np

from marsad.batch.vectors import PrecomputedEmbedder
from marsad.stories.embed import default_embedder

EN = "Shelling hit Qamishli on Monday, the local council said in a statement."
AR = "وصل اليوم الجمعة وفد طاجيكستاني برئاسة السفير إلى دائرة العلاقات الخارجية في قامشلو"


def test_a_text_has_one_vector_alone_or_in_any_batch() -> None:
    e5 = default_embedder()
    alone = e5.embed([EN])[0]
    assert np.array_equal(alone, e5.embed([AR, EN, "short"])[1])


def test_given_vectors_are_used_and_the_rest_embedded_here() -> None:
    e5 = default_embedder()
    given = PrecomputedEmbedder()
    marker = np.full(e5.embed([EN]).shape[1], 0.5, dtype=np.float32)
    given.add(EN, marker)
    rows = given.embed([AR, EN])
    assert np.array_equal(rows[1], marker)
    assert np.array_equal(rows[0], e5.embed([AR])[0])
    assert np.array_equal(given.embed([EN])[0], e5.embed([EN])[0])  # each vector is used once
    assert given.embed([]).shape[0] == 0
