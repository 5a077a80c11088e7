-- Entities that are in no knowledge base (local ids, shared across articles and scripts),
-- persisted so that the next ingest links to the same ids.
CREATE TABLE local_entities (
    id        TEXT PRIMARY KEY,
    label     TEXT NOT NULL,
    canonical TEXT NOT NULL,
    names     TEXT NOT NULL          -- JSON {"en": [...], "ar": [...]}
);

-- An index of every mention, for entity listings and pages. The article's annotation
-- document stays the complete record; this table is rebuilt from it with the article.
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT NOT NULL,
    entity_id  TEXT,
    name       TEXT,
    surface    TEXT NOT NULL,
    lat        REAL,
    lon        REAL,
    country    TEXT,
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX mentions_entity ON mentions(entity_id);
