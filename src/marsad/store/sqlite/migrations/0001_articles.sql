-- Articles as the pipeline produced them; annotations (paragraphs, sentences, dates,
-- what cleaning removed, provenance) as one JSON document per article because they are
-- always read together with the article and never queried alone yet.
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    source         TEXT NOT NULL,      -- first path or URL it was ingested from
    url            TEXT,
    format         TEXT NOT NULL,
    encoding       TEXT,
    lang           TEXT,
    title          TEXT,
    outlet         TEXT,
    byline         TEXT,
    dateline_place TEXT,
    published      TEXT,
    text           TEXT NOT NULL,
    text_hash      TEXT NOT NULL,
    duplicate_of   TEXT REFERENCES articles(id),
    story_id       TEXT,
    annotations    TEXT NOT NULL,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_lang ON articles(lang);

-- The original bytes, zlib-compressed: lossless, and a third of the size for HTML.
CREATE TABLE raw_content (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    compression TEXT NOT NULL,
    content     BLOB NOT NULL
);

-- Every place an article was seen; re-ingesting the same path adds nothing.
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id),
    source     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (article_id, source)
);
