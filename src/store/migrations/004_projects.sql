-- 004: the key-project library's workflow: levels and plans per year, stage history with
-- dates and reasons, approvals, 要素保障 needs, scheduling rounds (调度) with immutable
-- records, parks and land parcels (土地超市).

CREATE TABLE park (
  id                INTEGER PRIMARY KEY,
  region            TEXT NOT NULL REFERENCES region (code),
  name              TEXT NOT NULL,
  featured_industry TEXT NOT NULL DEFAULT '',
  chain             TEXT NOT NULL DEFAULT '',
  task_force        TEXT NOT NULL DEFAULT '',   -- 工作专班
  area_ha           REAL,
  note              TEXT NOT NULL DEFAULT '',
  UNIQUE (region, name)
);

CREATE TABLE parcel (
  id             INTEGER PRIMARY KEY,
  park_id        INTEGER REFERENCES park (id),
  region         TEXT NOT NULL REFERENCES region (code),
  code           TEXT NOT NULL,                -- 地块编号
  area_m2        REAL NOT NULL CHECK (area_m2 > 0),
  land_use       TEXT NOT NULL DEFAULT '工业用地',
  price          INTEGER,                      -- 元 (asking price of the whole parcel)
  status         TEXT NOT NULL CHECK (status IN ('闲置', '可供', '已供')),
  enterprise_id  INTEGER REFERENCES enterprise (id),
  project_id     INTEGER REFERENCES project (id),
  idle_since     TEXT,                         -- YYYY-MM-DD, for 闲置低效用地
  revitalized_at TEXT,                         -- YYYY-MM-DD, when idle land was put back to use (盘活)
  note           TEXT NOT NULL DEFAULT '',
  UNIQUE (region, code)
);

ALTER TABLE project ADD COLUMN park_id INTEGER REFERENCES park (id);
ALTER TABLE project ADD COLUMN manager TEXT NOT NULL DEFAULT '';   -- 项目管家
ALTER TABLE project ADD COLUMN leader TEXT NOT NULL DEFAULT '';    -- 分管领导
ALTER TABLE project ADD COLUMN capacity_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN planned_completion INTEGER;         -- yyyymm
ALTER TABLE project ADD COLUMN stage_reason TEXT NOT NULL DEFAULT '';

-- A project's level and annual investment plan for a year: the year's library.
CREATE TABLE project_year (
  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  level       TEXT,
  annual_plan INTEGER,   -- 元
  PRIMARY KEY (project_id, year)
) WITHOUT ROWID;

CREATE TABLE project_stage_event (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  on_date    TEXT NOT NULL,    -- YYYY-MM-DD the change took effect
  stage_from TEXT,
  stage_to   TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  username   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE project_approval (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('立项/备案', '用地', '环评', '施工许可')),
  on_date    TEXT,
  status     TEXT NOT NULL DEFAULT '办理中' CHECK (status IN ('未办理', '办理中', '已办结')),
  note       TEXT NOT NULL DEFAULT '',
  UNIQUE (project_id, kind)
);

-- 要素保障: what a project needs (land, energy, funds …) and whether it is secured.
CREATE TABLE project_need (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('土地', '能耗', '资金', '用电', '用水', '其他')),
  amount     REAL,
  unit       TEXT NOT NULL DEFAULT '',   -- 公顷, 亩, 吨标准煤, 元, …
  status     TEXT NOT NULL DEFAULT '待保障' CHECK (status IN ('待保障', '协调中', '已保障')),
  note       TEXT NOT NULL DEFAULT ''
);

-- A scheduling round: a month (or a period the district sets) with a deadline for filings.
CREATE TABLE schedule_round (
  id         INTEGER PRIMARY KEY,
  region     TEXT NOT NULL REFERENCES region (code),
  period     INTEGER NOT NULL,       -- yyyymm the round reports on
  deadline   TEXT NOT NULL,          -- YYYY-MM-DD
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at INTEGER NOT NULL,
  UNIQUE (region, period)
);

-- A project's filing for a round. Immutable: a correction is a new record; the latest counts.
CREATE TABLE round_record (
  id                  INTEGER PRIMARY KEY,
  round_id            INTEGER NOT NULL REFERENCES schedule_round (id),
  project_id          INTEGER NOT NULL REFERENCES project (id),
  filed_at            INTEGER NOT NULL,
  completed_total     INTEGER,   -- 累计完成投资 since the start, 元
  completed_period    INTEGER,   -- 本期完成投资, 元
  completed_this_year INTEGER,   -- 本年累计完成投资, 元
  progress_pct        REAL,
  stage               TEXT NOT NULL,
  workers             INTEGER,   -- 在场施工人数
  problems            TEXT NOT NULL DEFAULT '',
  source              TEXT NOT NULL DEFAULT 'page' CHECK (source IN ('page', 'api', 'import')),
  import_id           INTEGER REFERENCES import_log (id),
  username            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX round_record_round ON round_record (round_id, project_id);
CREATE TRIGGER round_record_no_update BEFORE UPDATE ON round_record
BEGIN SELECT RAISE(ABORT, 'round records are immutable; file a new record'); END;
CREATE TRIGGER round_record_no_delete BEFORE DELETE ON round_record
BEGIN SELECT RAISE(ABORT, 'round records are immutable'); END;
