-- Stories across outlets and languages (issue 11): every article's embedding is a key of a
-- nearest-neighbour index, stories are listed by their latest article, and a story found
-- to be one with another is merged into it, its old id kept as a redirect.

-- One row per stored embedding, in the order they were stored. The nearest-neighbour
-- graphs (one per month of publication, files beside the database) are caches of this
-- table: a graph that lags behind it is caught up from here, one that is ahead of it
-- (a database restored from an older copy) is rebuilt.
CREATE TABLE story_vectors (
    seq        INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    shard      TEXT NOT NULL          -- 'YYYY-MM' of the publication day (or 'undated'),
                                      -- '_', the language: '2024-03_ar'
);
CREATE INDEX story_vectors_shard ON story_vectors(shard, seq);
CREATE TABLE story_shards (
    shard    TEXT PRIMARY KEY,
    vectors  INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO story_vectors (article_id, shard)
    SELECT article_id, coalesce(substr(day, 1, 7), 'undated') || '_' || coalesce(lang, 'xx')
    FROM story_features
    WHERE embedding IS NOT NULL ORDER BY rowid;
INSERT INTO story_shards SELECT shard, count(*), max(seq) FROM story_vectors GROUP BY shard;

-- A merged story's old id and the story it now belongs to (never a chain: redirects are
-- rewritten when their target is merged in turn).
CREATE TABLE story_redirects (
    old_id    TEXT PRIMARY KEY,
    new_id    TEXT NOT NULL,
    merged_by TEXT                    -- the article whose links proved them one
) WITHOUT ROWID;
CREATE INDEX story_redirects_new ON story_redirects(new_id);

-- Independent sources per story (distinct outlets; copies once; no outlet: its own), kept
-- with each link so listings can order by them without reading articles.
ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
CREATE TABLE story_outlets (
    story_id TEXT NOT NULL,
    outlet   TEXT NOT NULL,
    PRIMARY KEY (story_id, outlet)
) WITHOUT ROWID;
INSERT OR IGNORE INTO story_outlets
    SELECT l.story_id, f.outlet FROM story_links l JOIN story_features f
    ON f.article_id = l.article_id WHERE l.duplicate_of IS NULL AND f.outlet IS NOT NULL;
UPDATE stories SET sources =
    (SELECT count(*) FROM story_outlets o WHERE o.story_id = stories.id)
    + (SELECT count(*) FROM story_links l JOIN story_features f ON f.article_id = l.article_id
       WHERE l.story_id = stories.id AND l.duplicate_of IS NULL AND f.outlet IS NULL);

-- Latest article first, then the bigger story, then more independent sources; undated last.
CREATE INDEX stories_latest ON stories(
    last_date IS NULL, last_date DESC, articles DESC, sources DESC, id
);
