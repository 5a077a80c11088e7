-- Entity listings read these instead of grouping the whole mentions table per request.
-- Both are written with each article's mentions (marsad/store/entity_index.py) and filled
-- here, in SQL, from the mentions a store already holds.

-- Mentions and articles per entity: label '' counts every mention of the entity (max_label
-- is the listing's label), a row per label counts those of that label (the type filter).
CREATE TABLE entity_counts (
    entity_id TEXT NOT NULL,
    label     TEXT NOT NULL,
    max_label TEXT NOT NULL,
    name      TEXT,                -- the greatest canonical name, as max(name) over mentions
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, label)
) WITHOUT ROWID;
CREATE INDEX entity_counts_rank ON entity_counts(label, mentions DESC, entity_id);

-- Every surface (kind 's') and canonical name (kind 'n') an entity was mentioned under,
-- by label as above: the listing's "seen as" column and its name filter.
CREATE TABLE entity_names (
    entity_id TEXT NOT NULL,
    label     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (entity_id, label, kind, text)
) WITHOUT ROWID;

INSERT INTO entity_counts
SELECT entity_id, '', max(label), max(name), count(*), count(DISTINCT article_id)
FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id;
INSERT INTO entity_counts
SELECT entity_id, label, label, max(name), count(*), count(DISTINCT article_id)
FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, label;
INSERT OR IGNORE INTO entity_names
SELECT entity_id, '', 's', surface FROM mentions WHERE entity_id IS NOT NULL;
INSERT OR IGNORE INTO entity_names
SELECT entity_id, label, 's', surface FROM mentions WHERE entity_id IS NOT NULL;
INSERT OR IGNORE INTO entity_names
SELECT entity_id, '', 'n', name FROM mentions WHERE entity_id IS NOT NULL AND name IS NOT NULL;
