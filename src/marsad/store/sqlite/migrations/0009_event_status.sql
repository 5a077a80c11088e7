-- The event table's status (real, negated, hypothetical: marsad/events/status.py) as a
-- column the default filter of `marsad events` and /api/events reads, and the ACLED
-- precision of the event's place. `day` becomes an ISO day for every date shape
-- (2019-W46 was compared with ISO days as text). All three are computed in Python, so the
-- fact index is rebuilt: emptying fact_docs makes the next open re-index every article
-- (marsad/store/sqlite/facts.py, catch_up), in one transaction.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'real';
ALTER TABLE events ADD COLUMN geo_precision INTEGER;
CREATE INDEX events_status ON events(status, seq);
DELETE FROM fact_docs;
