-- Stories: which story each article belongs to and why, and the index the clusterer reads
-- to find candidates without scanning every article. Index tables name articles by id
-- without a foreign key, so a benchmark can fill them alone; the store writes them in the
-- same transaction as the articles they describe.
CREATE TABLE stories (
    id         TEXT PRIMARY KEY,     -- 's-' + hash of the founding article id; never changes
    founded_by TEXT NOT NULL,
    date       TEXT,                 -- earliest publication day of its articles
    last_date  TEXT,
    articles   INTEGER NOT NULL,
    seq        INTEGER NOT NULL      -- when an article last joined (story_features rowid)
);
CREATE INDEX stories_seq ON stories(seq);

CREATE TABLE story_links (
    article_id   TEXT PRIMARY KEY,
    story_id     TEXT NOT NULL,
    kind         TEXT NOT NULL,      -- founder | duplicate | story
    linked_to    TEXT,
    duplicate_of TEXT,
    explanation  TEXT NOT NULL       -- JSON of marsad.stories.explain.LinkExplanation
);
CREATE INDEX story_links_story ON story_links(story_id);

-- Per-article features: entity ids, dates, numbers, speakers as JSON; the MinHash
-- signature (uint64 x 128) as a blob; the lead (title and start of the text) and its
-- embedding (float16 x 384), computed only once a candidate pair needs it.
CREATE TABLE story_features (
    article_id TEXT PRIMARY KEY,
    lang       TEXT,
    outlet     TEXT,
    day        TEXT,
    features   TEXT NOT NULL,
    minhash    BLOB NOT NULL,
    lead       TEXT NOT NULL,
    embedding  BLOB
);

-- LSH band keys (16 per article) for near-duplicates.
CREATE TABLE story_bands (
    band       INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;

-- Entity ids and publication days -> articles, latest first by seq; with per-key counts
-- so the clusterer reads the rarest keys first and caps the common ones.
CREATE TABLE story_keys (
    key      TEXT PRIMARY KEY,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_postings (
    key        TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
