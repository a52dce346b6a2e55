-- 001: reference data, plans, firms and their monthly figures, projects, users.
-- Money is INTEGER 元; months are INTEGER yyyymm; times are INTEGER unix seconds.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
-- Bumped in the same transaction as every change to domain data, so that a running server
-- sees what the CLI wrote (sessions and audit entries do not bump it).
INSERT INTO meta (key, value) VALUES ('data_version', 1);

CREATE TABLE region (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  level  TEXT NOT NULL CHECK (level IN ('country', 'province', 'city', 'county', 'town')),
  parent TEXT REFERENCES region (code),
  system TEXT NOT NULL CHECK (system IN ('mca', 'nbs', 'both'))
) WITHOUT ROWID;
CREATE INDEX region_parent ON region (parent);

CREATE TABLE region_alias (
  old_code TEXT PRIMARY KEY,
  new_code TEXT NOT NULL REFERENCES region (code),
  note     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE industry_class (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  level   INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent  TEXT REFERENCES industry_class (code),
  section TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE chain (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  sort        INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sources     TEXT NOT NULL DEFAULT ''   -- one per line
);

CREATE TABLE chain_link (
  id         INTEGER PRIMARY KEY,
  chain_id   INTEGER NOT NULL REFERENCES chain (id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  name       TEXT NOT NULL,
  parent_key TEXT,
  position   TEXT NOT NULL CHECK (position IN ('上游', '中游', '下游')),
  tagging    INTEGER NOT NULL CHECK (tagging IN (0, 1)),
  service    INTEGER NOT NULL DEFAULT 0 CHECK (service IN (0, 1)),
  keywords   TEXT NOT NULL DEFAULT '',  -- 、-separated, for display
  products   TEXT NOT NULL DEFAULT '',  -- 、-separated, for display
  note       TEXT NOT NULL DEFAULT '',
  sort       INTEGER NOT NULL,
  UNIQUE (chain_id, key)
);

CREATE TABLE chain_link_industry (
  link_id INTEGER NOT NULL REFERENCES chain_link (id) ON DELETE CASCADE,
  code    TEXT NOT NULL REFERENCES industry_class (code),
  hint    INTEGER NOT NULL DEFAULT 0,  -- 1: counts only with a keyword of the chain
  PRIMARY KEY (link_id, code)
) WITHOUT ROWID;

CREATE TABLE plan (
  id        INTEGER PRIMARY KEY,
  region    TEXT NOT NULL REFERENCES region (code),
  name      TEXT NOT NULL,
  framework TEXT NOT NULL DEFAULT '',
  year_from INTEGER,
  year_to   INTEGER,
  source    TEXT NOT NULL DEFAULT '',
  UNIQUE (region, name)
);

CREATE TABLE cluster (
  id      INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  tier    TEXT NOT NULL DEFAULT '' CHECK (tier IN ('', '千亿级', '百亿级')),
  role    TEXT NOT NULL DEFAULT '' CHECK (role IN ('', '主导', '新兴', '传统')),
  sort    INTEGER NOT NULL,
  UNIQUE (plan_id, name)
);

CREATE TABLE cluster_chain (
  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
  chain_id   INTEGER NOT NULL REFERENCES chain (id),
  PRIMARY KEY (cluster_id, chain_id)
) WITHOUT ROWID;

CREATE TABLE cluster_industry (
  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
  code       TEXT NOT NULL REFERENCES industry_class (code),
  PRIMARY KEY (cluster_id, code)
) WITHOUT ROWID;

CREATE TABLE target (
  id            INTEGER PRIMARY KEY,
  region        TEXT NOT NULL REFERENCES region (code),
  subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('region', 'cluster', 'chain')),
  subject       TEXT NOT NULL,
  metric        TEXT NOT NULL,
  value_units   INTEGER NOT NULL,
  decimals      INTEGER NOT NULL DEFAULT 0,
  unit          TEXT NOT NULL,
  comparator    TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=', '=', '<=')),
  deadline_year INTEGER,
  per_year      INTEGER NOT NULL DEFAULT 0,
  source        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX target_region ON target (region);

CREATE TABLE enterprise (
  id                 INTEGER PRIMARY KEY,
  uscc               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  region             TEXT NOT NULL REFERENCES region (code),
  town               TEXT REFERENCES region (code),
  industry           TEXT REFERENCES industry_class (code),
  founded            TEXT,
  registered_capital INTEGER,
  scope              TEXT NOT NULL DEFAULT '',
  address            TEXT NOT NULL DEFAULT '',
  park               TEXT NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX enterprise_region ON enterprise (region);
CREATE INDEX enterprise_industry ON enterprise (industry);

-- One firm's figures for one month as reported (当月 _cur and 1-N月累计 _cum).
CREATE TABLE indicator_month (
  enterprise_id    INTEGER NOT NULL REFERENCES enterprise (id),
  month            INTEGER NOT NULL,
  output_cur       INTEGER, output_cum       INTEGER,
  revenue_cur      INTEGER, revenue_cum      INTEGER,
  main_revenue_cur INTEGER, main_revenue_cum INTEGER,
  profit_cur       INTEGER, profit_cum       INTEGER,
  tax_cur          INTEGER, tax_cum          INTEGER,
  rnd_cur          INTEGER, rnd_cum          INTEGER,
  employees        INTEGER,
  energy_cur       INTEGER, energy_cum       INTEGER,
  PRIMARY KEY (enterprise_id, month)
) WITHOUT ROWID;
CREATE INDEX indicator_month_month ON indicator_month (month);

CREATE TABLE project (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  region              TEXT NOT NULL REFERENCES region (code),
  town                TEXT REFERENCES region (code),
  level               TEXT,
  stage               TEXT NOT NULL,
  chain               TEXT NOT NULL DEFAULT '',
  cluster             TEXT NOT NULL DEFAULT '',
  park                TEXT NOT NULL DEFAULT '',
  total_investment    INTEGER NOT NULL DEFAULT 0,
  annual_plan         INTEGER,
  completed_this_year INTEGER,
  completed_total     INTEGER,
  planned_start       INTEGER,
  actual_start        INTEGER,
  planned_production  INTEGER,
  actual_production   INTEGER,
  floor_area_m2       REAL,
  land_ha             REAL,
  capacity            TEXT NOT NULL DEFAULT '',
  expected_output     INTEGER,
  jobs                INTEGER,
  source              TEXT NOT NULL DEFAULT '',
  UNIQUE (region, name)
);

CREATE TABLE app_user (
  id                  INTEGER PRIMARY KEY,
  username            TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'chain_chief', 'liaison', 'viewer')),
  password_hash       TEXT NOT NULL,
  disabled            INTEGER NOT NULL DEFAULT 0,
  failed_logins       INTEGER NOT NULL DEFAULT 0,
  locked_until        INTEGER,
  password_changed_at INTEGER NOT NULL,
  created_at          INTEGER NOT NULL
);

CREATE TABLE user_region (
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  region  TEXT NOT NULL REFERENCES region (code),
  PRIMARY KEY (user_id, region)
) WITHOUT ROWID;

-- Only hashes of session and API tokens are stored.
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE api_token (
  id         INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name       TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  last_used  INTEGER,
  revoked    INTEGER NOT NULL DEFAULT 0
);

-- The audit trail (等保 2.0): append-only.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  username TEXT NOT NULL DEFAULT '',
  channel  TEXT NOT NULL DEFAULT '',   -- cli, api
  action   TEXT NOT NULL,
  object   TEXT NOT NULL DEFAULT '',
  result   TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
