-- 003: chain tags (the tagger's and people's), investment-attraction leads, and the link from
-- a signed lead to its project.

-- A firm on a chain link. `source` says who put it there; `status` is the decision: the
-- tagger's rows are 'auto'; a chain chief's confirmation or rejection is kept across
-- re-tagging and always wins.
CREATE TABLE enterprise_tag (
  enterprise_id INTEGER NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
  link_id       INTEGER NOT NULL REFERENCES chain_link (id) ON DELETE CASCADE,
  source        TEXT NOT NULL CHECK (source IN ('tagger', 'manual')),
  status        TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'confirmed', 'rejected')),
  score         REAL NOT NULL DEFAULT 0,
  evidence      TEXT NOT NULL DEFAULT '',  -- one line per piece: rule|field|term|offset|length
  tagged_at     INTEGER NOT NULL,
  decided_by    TEXT,
  decided_at    INTEGER,
  note          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (enterprise_id, link_id)
) WITHOUT ROWID;
CREATE INDEX enterprise_tag_link ON enterprise_tag (link_id);

CREATE TABLE lead (
  id                  INTEGER PRIMARY KEY,
  region              TEXT NOT NULL REFERENCES region (code),  -- the region attracting
  chain               TEXT NOT NULL,
  link_id             INTEGER REFERENCES chain_link (id),
  enterprise_id       INTEGER REFERENCES enterprise (id),      -- the target firm, when known
  firm_name           TEXT NOT NULL,
  stage               TEXT NOT NULL CHECK (stage IN ('线索', '接洽', '考察', '洽谈', '签约', '落地', '放弃')),
  owner               TEXT NOT NULL DEFAULT '',
  expected_investment INTEGER,
  note                TEXT NOT NULL DEFAULT '',
  project_id          INTEGER REFERENCES project (id),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE INDEX lead_region ON lead (region);

CREATE TABLE lead_event (
  id         INTEGER PRIMARY KEY,
  lead_id    INTEGER NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  stage_from TEXT,
  stage_to   TEXT NOT NULL,
  username   TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT ''
);

ALTER TABLE project ADD COLUMN lead_id INTEGER REFERENCES lead (id);
