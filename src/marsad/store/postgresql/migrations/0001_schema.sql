-- The whole PostgreSQL schema, in the shape the SQLite migrations 0001-0008 reached.
-- Sequence columns (seq) stand for SQLite's rowid: the order things were stored in.

CREATE TABLE articles (
    seq            BIGSERIAL UNIQUE,
    id             TEXT COLLATE "C" PRIMARY KEY,
    source         TEXT COLLATE "C" NOT NULL,
    url            TEXT COLLATE "C",
    format         TEXT COLLATE "C" NOT NULL,
    encoding       TEXT COLLATE "C",
    lang           TEXT COLLATE "C",
    title          TEXT COLLATE "C",
    outlet         TEXT COLLATE "C",
    byline         TEXT COLLATE "C",
    dateline_place TEXT COLLATE "C",
    published      TEXT COLLATE "C",
    text           TEXT COLLATE "C" NOT NULL,
    text_hash      TEXT COLLATE "C" NOT NULL,
    duplicate_of   TEXT COLLATE "C" REFERENCES articles(id),
    story_id       TEXT COLLATE "C",
    annotations    TEXT COLLATE "C" NOT NULL,
    ingested_at    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_lang ON articles(lang);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_copies ON articles(id) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_no_story ON articles(seq) WHERE story_id IS NULL;

CREATE TABLE raw_content (
    article_id  TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    compression TEXT COLLATE "C" NOT NULL,
    content     BYTEA NOT NULL
);

CREATE TABLE article_sources (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    source     TEXT COLLATE "C" NOT NULL,
    first_seen TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, source)
);

CREATE TABLE local_entities (
    seq       BIGSERIAL UNIQUE,
    id        TEXT COLLATE "C" PRIMARY KEY,
    label     TEXT COLLATE "C" NOT NULL,
    canonical TEXT COLLATE "C" NOT NULL,
    names     TEXT COLLATE "C" NOT NULL          -- JSON {"en": [...], "ar": [...]}
);

CREATE TABLE mentions (
    seq        BIGSERIAL UNIQUE,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT COLLATE "C" NOT NULL,
    entity_id  TEXT COLLATE "C",
    name       TEXT COLLATE "C",
    surface    TEXT COLLATE "C" NOT NULL,
    lat        DOUBLE PRECISION,
    lon        DOUBLE PRECISION,
    country    TEXT COLLATE "C",
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX mentions_places ON mentions(entity_id, article_id) WHERE lat IS NOT NULL;

CREATE TABLE entity_counts (
    entity_id TEXT COLLATE "C" NOT NULL,
    label     TEXT COLLATE "C" NOT NULL,
    max_label TEXT COLLATE "C" NOT NULL,
    name      TEXT COLLATE "C",
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, label)
);
CREATE INDEX entity_counts_rank ON entity_counts(label, mentions DESC, entity_id);

CREATE TABLE entity_names (
    entity_id TEXT COLLATE "C" NOT NULL,
    label     TEXT COLLATE "C" NOT NULL,
    kind      TEXT COLLATE "C" NOT NULL,
    text      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, label, kind, text)
);

-- Search: the normalised shadow text (marsad.search.tokens, the same folding as SQLite's
-- FTS5 index) as a tsvector of the 'simple' configuration: the keys are already folded,
-- so PostgreSQL must neither stem nor drop them. Weights: A title, B body, C entities.
CREATE TABLE search_docs (
    doc         BIGSERIAL PRIMARY KEY,
    article_id  TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES articles(id),
    lang        TEXT COLLATE "C",
    outlet      TEXT COLLATE "C",
    published   TEXT COLLATE "C",
    copy        INTEGER NOT NULL,
    event_types TEXT COLLATE "C" NOT NULL DEFAULT '',
    entities    TEXT[] NOT NULL DEFAULT '{}',
    words       TSVECTOR NOT NULL
);
CREATE INDEX search_docs_published ON search_docs(published);
CREATE INDEX search_docs_words ON search_docs USING GIN (words);
CREATE INDEX search_docs_entities ON search_docs USING GIN (entities);

CREATE TABLE search_names (
    key       TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (key, entity_id)
);

CREATE TABLE search_meta (
    name  TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE events (
    seq              BIGSERIAL PRIMARY KEY,
    article_id       TEXT COLLATE "C" NOT NULL,
    position         INTEGER NOT NULL,
    type             TEXT COLLATE "C" NOT NULL,
    mode             TEXT COLLATE "C",
    aux              TEXT COLLATE "C" NOT NULL,
    source           TEXT COLLATE "C",
    source_entity_id TEXT COLLATE "C",
    source_key       TEXT COLLATE "C",
    target           TEXT COLLATE "C",
    target_entity_id TEXT COLLATE "C",
    target_key       TEXT COLLATE "C",
    place            TEXT COLLATE "C",
    place_entity_id  TEXT COLLATE "C",
    place_key        TEXT COLLATE "C",
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    country          TEXT COLLATE "C",
    admin1           TEXT COLLATE "C",
    date             TEXT COLLATE "C",
    day              TEXT COLLATE "C",
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    lang             TEXT COLLATE "C",
    UNIQUE (article_id, position)
);
CREATE INDEX events_type ON events(type, seq);
CREATE INDEX events_day_type ON events(day, type, article_id);
CREATE INDEX events_place_type ON events(place_entity_id, type, article_id);
CREATE INDEX events_source_entity ON events(source_entity_id);
CREATE INDEX events_target_entity ON events(target_entity_id);

CREATE TABLE quotes (
    seq               BIGSERIAL PRIMARY KEY,
    article_id        TEXT COLLATE "C" NOT NULL,
    position          INTEGER NOT NULL,
    speaker           TEXT COLLATE "C",
    speaker_entity_id TEXT COLLATE "C",
    speaker_key       TEXT COLLATE "C",
    cue_start         INTEGER,
    cue_end           INTEGER,
    direct            INTEGER NOT NULL,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    backend           TEXT COLLATE "C" NOT NULL,
    lang              TEXT COLLATE "C",
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id);
CREATE INDEX quotes_lang ON quotes(lang, seq);

CREATE TABLE stories (
    id         TEXT COLLATE "C" PRIMARY KEY,
    founded_by TEXT COLLATE "C" NOT NULL,
    date       TEXT COLLATE "C",
    last_date  TEXT COLLATE "C",
    articles   INTEGER NOT NULL,
    seq        BIGINT NOT NULL,
    sources    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_latest ON stories(
    (last_date IS NULL), last_date DESC, articles DESC, sources DESC, id
);

CREATE TABLE story_links (
    article_id   TEXT COLLATE "C" PRIMARY KEY,
    story_id     TEXT COLLATE "C" NOT NULL,
    kind         TEXT COLLATE "C" NOT NULL,
    linked_to    TEXT COLLATE "C",
    duplicate_of TEXT COLLATE "C",
    explanation  TEXT COLLATE "C" NOT NULL
);
CREATE INDEX story_links_story ON story_links(story_id);

CREATE TABLE story_features (
    seq        BIGSERIAL UNIQUE,
    article_id TEXT COLLATE "C" PRIMARY KEY,
    lang       TEXT COLLATE "C",
    outlet     TEXT COLLATE "C",
    day        TEXT COLLATE "C",
    features   TEXT COLLATE "C" NOT NULL,
    minhash    BYTEA NOT NULL,
    lead       TEXT COLLATE "C" NOT NULL,
    embedding  BYTEA
);

CREATE TABLE story_bands (
    band       BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (band, article_id)
);

CREATE TABLE story_keys (
    key      TEXT COLLATE "C" PRIMARY KEY,
    articles INTEGER NOT NULL
);

CREATE TABLE story_postings (
    key        TEXT COLLATE "C" NOT NULL,
    seq        BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (key, seq)
);

CREATE TABLE story_vectors (
    seq        BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL,
    shard      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX story_vectors_shard ON story_vectors(shard, seq);

CREATE TABLE story_shards (
    shard    TEXT COLLATE "C" PRIMARY KEY,
    vectors  INTEGER NOT NULL,
    last_seq BIGINT NOT NULL
);

CREATE TABLE story_redirects (
    old_id    TEXT COLLATE "C" PRIMARY KEY,
    new_id    TEXT COLLATE "C" NOT NULL,
    merged_by TEXT COLLATE "C"
);
CREATE INDEX story_redirects_new ON story_redirects(new_id);

CREATE TABLE story_outlets (
    story_id TEXT COLLATE "C" NOT NULL,
    outlet   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, outlet)
);
