-- 002: the import log (every accepted file, by SHA-256), replaced monthly values kept as
-- history, published rates from the statistics office, and towns created on import.

CREATE TABLE import_log (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('indicators', 'enterprises', 'projects', 'published')),
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  rows          INTEGER NOT NULL DEFAULT 0,
  inserted      INTEGER NOT NULL DEFAULT 0,
  replaced      INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  created_firms INTEGER NOT NULL DEFAULT 0,
  username      TEXT NOT NULL DEFAULT '',
  channel       TEXT NOT NULL DEFAULT '',
  at            INTEGER NOT NULL,
  archive_path  TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, sha256)
);

ALTER TABLE indicator_month ADD COLUMN import_id INTEGER REFERENCES import_log (id);

-- A firm-month's values as they were before an import replaced them.
CREATE TABLE indicator_history (
  id               INTEGER PRIMARY KEY,
  enterprise_id    INTEGER NOT NULL REFERENCES enterprise (id),
  month            INTEGER NOT NULL,
  replaced_at      INTEGER NOT NULL,
  replaced_by      INTEGER REFERENCES import_log (id),
  previous_import  INTEGER REFERENCES import_log (id),
  output_cur       INTEGER, output_cum       INTEGER,
  revenue_cur      INTEGER, revenue_cum      INTEGER,
  main_revenue_cur INTEGER, main_revenue_cum INTEGER,
  profit_cur       INTEGER, profit_cum       INTEGER,
  tax_cur          INTEGER, tax_cum          INTEGER,
  rnd_cur          INTEGER, rnd_cum          INTEGER,
  employees        INTEGER,
  energy_cur       INTEGER, energy_cum       INTEGER
);
CREATE INDEX indicator_history_firm_month ON indicator_history (enterprise_id, month);

-- Rates the statistics office publishes (e.g. real 增加值 growth), never recomputed from totals.
CREATE TABLE published_rate (
  id        INTEGER PRIMARY KEY,
  region    TEXT NOT NULL REFERENCES region (code),
  metric    TEXT NOT NULL,
  period    TEXT NOT NULL,      -- "2024", "2024-03", "2024-01/2024-03"
  value     REAL NOT NULL,      -- percent
  source    TEXT NOT NULL DEFAULT '',
  import_id INTEGER REFERENCES import_log (id),
  UNIQUE (region, metric, period)
);

-- Regions may now also be created locally (a town a sheet names that no list has).
CREATE TABLE region_new (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  level  TEXT NOT NULL CHECK (level IN ('country', 'province', 'city', 'county', 'town')),
  parent TEXT REFERENCES region (code),
  system TEXT NOT NULL CHECK (system IN ('mca', 'nbs', 'both', 'local'))
) WITHOUT ROWID;
INSERT INTO region_new (code, name, level, parent, system) SELECT code, name, level, parent, system FROM region;
DROP TABLE region;
ALTER TABLE region_new RENAME TO region;
CREATE INDEX region_parent ON region (parent);
