-- The event table's status (real, negated, hypothetical: marsad/events/status.py) as a
-- column the default filter of `marsad events` and /api/events reads, and the ACLED
-- precision of the event's place (filled for events stored from now on; the geocoder did
-- not record the kind of place before). Rows already stored get their status from `aux`
-- (the rule of marsad/events/status.py, in SQL) and `day` as an ISO day for every date
-- shape the pipeline writes (2019-W46, 2019-10, 2019: the first day of the period).
ALTER TABLE events ADD COLUMN status TEXT COLLATE "C" NOT NULL DEFAULT 'real';
ALTER TABLE events ADD COLUMN geo_precision INTEGER;
UPDATE events SET status = CASE
    WHEN ';' || aux || ';' LIKE '%;negation;%' THEN 'negated'
    WHEN ';' || aux || ';' LIKE '%;hypothetical;%' OR ';' || aux || ';' LIKE '%;future;%'
        THEN 'hypothetical'
    ELSE 'real' END;
UPDATE events SET day = CASE
    WHEN day ~ '^\d{4}-W\d{1,2}$' THEN to_char(to_date(day, 'IYYY-"W"IW'), 'YYYY-MM-DD')
    WHEN day ~ '^\d{4}-\d{2}$' THEN day || '-01'
    WHEN day ~ '^\d{4}$' THEN day || '-01-01'
    ELSE substr(day, 1, 10) END
WHERE day IS NOT NULL;
CREATE INDEX events_status ON events(status, seq);
