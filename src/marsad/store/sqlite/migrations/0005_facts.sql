-- Index tables of every event and quote, so listings, filters, the map and the timeline
-- read these rows instead of parsing every article's annotation document per request.
-- The annotation document stays the complete record; these rows are written from it in
-- the same transaction as the article (marsad/store/facts.py). Filling them needs Python
-- (an event's place coordinates come from the article's mentions), so articles stored
-- before this migration are indexed when the store is next opened, not here.

-- The articles indexed so far: a store opened with fewer rows here than articles catches up.
CREATE TABLE fact_docs (
    article_id TEXT PRIMARY KEY
) WITHOUT ROWID;

-- seq is the listing order (the articles' order, then the event's position in its article),
-- an INTEGER PRIMARY KEY so that VACUUM keeps it.
CREATE TABLE events (
    seq              INTEGER PRIMARY KEY,
    article_id       TEXT NOT NULL,
    position         INTEGER NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    aux              TEXT NOT NULL,      -- auxiliary modes joined by ';'
    source           TEXT,
    source_entity_id TEXT,
    source_key       TEXT,               -- casefolded name: the case-insensitive name filter
    target           TEXT,
    target_entity_id TEXT,
    target_key       TEXT,
    place            TEXT,
    place_entity_id  TEXT,
    place_key        TEXT,
    lat              REAL,               -- the place's mention inside the evidence first
    lon              REAL,
    country          TEXT,
    admin1           TEXT,
    date             TEXT,               -- the event's own date
    day              TEXT,               -- its date, else the article's: the since filter
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    lang             TEXT,
    copy             INTEGER NOT NULL,   -- dropped by 0007: a copy can be marked later
    UNIQUE (article_id, position)
);
CREATE INDEX events_type ON events(type, seq);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source_entity ON events(source_entity_id);
CREATE INDEX events_target_entity ON events(target_entity_id);
CREATE INDEX events_place_entity ON events(place_entity_id);

CREATE TABLE quotes (
    seq               INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL,
    position          INTEGER NOT NULL,
    speaker           TEXT,
    speaker_entity_id TEXT,
    speaker_key       TEXT,              -- casefolded speaker name
    cue_start         INTEGER,
    cue_end           INTEGER,
    direct            INTEGER NOT NULL,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    backend           TEXT NOT NULL,
    lang              TEXT,
    copy              INTEGER NOT NULL,  -- dropped by 0007
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id);
CREATE INDEX quotes_lang ON quotes(lang, seq);

-- Store statistics and entity listings read these instead of every articles row: the
-- outlet and copy counts from indexes, the entity counts from a covering index grouped
-- by entity id (no table rows read).
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX mentions_entity_counts ON mentions(entity_id, article_id, label, name, surface);
DROP INDEX mentions_entity;
