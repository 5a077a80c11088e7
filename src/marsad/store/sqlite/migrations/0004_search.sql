-- The search index. The full-text table holds a normalised shadow of each article (one key
-- per word: hamza, ta marbuta, alef maqsura, the article and clitics folded; see
-- marsad/search/tokens.py), because FTS5's own tokenizer folds none of them. Shadow text
-- needs Python, so articles stored before this migration are indexed when the store is
-- next opened (marsad.search.index.catch_up), not here.
-- The filter columns are copied from articles: reading them there would walk each
-- article's text (stored before them in the row), which made filters 10-50x slower.
CREATE TABLE search_docs (
    doc         INTEGER PRIMARY KEY,     -- the rowid of search_fts; stable across VACUUM
    article_id  TEXT NOT NULL UNIQUE REFERENCES articles(id),
    lang        TEXT,
    outlet      TEXT,
    published   TEXT,                    -- the day: first 10 characters of articles.published
    copy        INTEGER NOT NULL,        -- 1 when articles.duplicate_of is set
    event_types TEXT NOT NULL DEFAULT '' -- " ASSAULT CONSULT ": the event-type filter
);
CREATE INDEX search_docs_published ON search_docs(published);

-- entities: one token per entity the article mentions (marsad.search.index.entity_token),
-- so "the words, or a mention of the entity they name" is one FTS5 expression.
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, entities, tokenize = 'unicode61 remove_diacritics 0'
);

-- Every name an entity was seen under (and a local entity's names), as search keys, so a
-- query word that names an entity also finds articles naming it in another script.
CREATE TABLE search_names (
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;

-- Which version of the key rules built the index; another version rebuilds it.
CREATE TABLE search_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
