// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Schema.h"

#include "cache/CacheOwnership.h"
#include "cache/Database.h"
#include "cache/SqlTry.h"
#include "cache/Transaction.h"

#include <QList>
#include <QStringView>

namespace cairn::cache {

namespace {

// Version 1: the whole first schema. Later versions add migrations below; never edit a
// released one, since caches in the field already ran it.
constexpr QStringView Migration1 = uR"SQL(
CREATE TABLE sources(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,                 -- files | bundle | backstage | sample
  location    TEXT NOT NULL DEFAULT '',
  options     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
  position    INTEGER NOT NULL,              -- priority: the lower wins a conflict
  created_at  TEXT NOT NULL,
  removed_at  TEXT                           -- set by an explicit "source remove"
);

CREATE TABLE entities(
  id            INTEGER PRIMARY KEY,         -- also the FTS rowid
  key           TEXT NOT NULL UNIQUE,        -- lower-case kind:namespace/name
  ref           TEXT NOT NULL,               -- kind:namespace/name as spelled
  kind          TEXT NOT NULL,               -- lower-case
  namespace     TEXT NOT NULL,
  name          TEXT NOT NULL COLLATE NOCASE,
  title         TEXT COLLATE NOCASE,
  display_name  TEXT NOT NULL,               -- title, else profile.displayName, else name
  match_name    TEXT NOT NULL,               -- core::NameMatcher::normalize(name)
  match_title   TEXT,                        -- normalize(display_name) when it differs from name
  owner_key     TEXT,
  type          TEXT,
  lifecycle     TEXT,
  status        TEXT,
  source_id     INTEGER NOT NULL REFERENCES sources(id),
  document      TEXT NOT NULL,               -- the JSON document as received
  content_hash  TEXT NOT NULL,
  uid           TEXT,
  etag          TEXT,
  first_seen    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  removed_at    TEXT                         -- tombstone: gone upstream, kept here
);
CREATE INDEX entities_kind_name ON entities(kind, name);
CREATE INDEX entities_match_name ON entities(match_name);
CREATE INDEX entities_match_title ON entities(match_title) WHERE match_title IS NOT NULL;
CREATE INDEX entities_source ON entities(source_id);
CREATE INDEX entities_owner ON entities(owner_key);
CREATE INDEX entities_removed ON entities(removed_at) WHERE removed_at IS NOT NULL;

-- Relations as the origin entity states them (server "relations" or derived from spec),
-- both directions; replaced whole when the origin changes.
CREATE TABLE relations(
  origin_id   INTEGER NOT NULL REFERENCES entities(id),
  source_key  TEXT NOT NULL,
  type        TEXT NOT NULL,
  target_key  TEXT NOT NULL
);
CREATE INDEX relations_from ON relations(source_key, type);
CREATE INDEX relations_to ON relations(target_key, type);
CREATE INDEX relations_origin ON relations(origin_id);

CREATE VIRTUAL TABLE entities_fts USING fts5(
  name, title, description, tags, owner_name,  -- title: the display name
  prefix='2 3', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE sync_runs(
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER REFERENCES sources(id),
  source_name  TEXT NOT NULL,
  operation    TEXT NOT NULL DEFAULT 'sync', -- sync | remove-source
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  added        INTEGER NOT NULL DEFAULT 0,
  changed      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  removed      INTEGER NOT NULL DEFAULT 0,
  held         INTEGER NOT NULL DEFAULT 0,   -- removals held for confirmation
  status       TEXT NOT NULL CHECK (status IN ('ok', 'held', 'failed')),
  error        TEXT,
  snapshot_id  TEXT
);
CREATE TABLE sync_run_entities(
  run_id      INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
  entity_key  TEXT NOT NULL,
  change      TEXT NOT NULL CHECK (change IN ('added', 'changed', 'removed', 'would-remove', 'conflict')),
  PRIMARY KEY(run_id, entity_key)
) WITHOUT ROWID;

CREATE TABLE purges(
  id           INTEGER PRIMARY KEY,
  purged_at    TEXT NOT NULL,
  older_than   TEXT NOT NULL,
  count        INTEGER NOT NULL,
  entity_keys  TEXT NOT NULL CHECK (json_valid(entity_keys))
);

-- Public read-only views (docs/cache-schema.md). Live entities only, except v_removed.
CREATE VIEW v_entities AS
SELECT e.ref, json_extract(e.document, '$.kind') AS kind, e.namespace, e.name, e.title,
       e.type, e.lifecycle, e.status, e.owner_key AS owner,
       json_extract(e.document, '$.spec.system') AS system,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description,
       s.name AS source, e.first_seen, e.updated_at, e.document
FROM entities e JOIN sources s ON s.id = e.source_id
WHERE e.removed_at IS NULL;

CREATE VIEW v_components AS
SELECT e.ref, e.name, e.title, e.type, e.lifecycle, e.owner_key AS owner,
       json_extract(e.document, '$.spec.system') AS system,
       json_extract(e.document, '$.spec.subcomponentOf') AS subcomponent_of,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'component' AND e.removed_at IS NULL;

CREATE VIEW v_apis AS
SELECT e.ref, e.name, e.title, e.type, e.lifecycle, e.owner_key AS owner,
       json_extract(e.document, '$.spec.system') AS system,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'api' AND e.removed_at IS NULL;

CREATE VIEW v_resources AS
SELECT e.ref, e.name, e.title, e.type, e.owner_key AS owner,
       json_extract(e.document, '$.spec.system') AS system,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'resource' AND e.removed_at IS NULL;

CREATE VIEW v_systems AS
SELECT e.ref, e.name, e.title, e.owner_key AS owner,
       json_extract(e.document, '$.spec.domain') AS domain,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'system' AND e.removed_at IS NULL;

CREATE VIEW v_domains AS
SELECT e.ref, e.name, e.title, e.owner_key AS owner,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'domain' AND e.removed_at IS NULL;

CREATE VIEW v_groups AS
SELECT e.ref, e.name, e.display_name, e.type,
       json_extract(e.document, '$.spec.profile.email') AS email,
       json_extract(e.document, '$.spec.parent') AS parent,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.children')) AS children,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.members')) AS members,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'group' AND e.removed_at IS NULL;

CREATE VIEW v_users AS
SELECT e.ref, e.name, e.display_name,
       json_extract(e.document, '$.spec.profile.email') AS email,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.memberOf')) AS member_of
FROM entities e WHERE e.kind = 'user' AND e.removed_at IS NULL;

CREATE VIEW v_projects AS
SELECT e.ref, e.name, e.title, e.status, e.owner_key AS owner,
       json_extract(e.document, '$.spec.team') AS team,
       json_extract(e.document, '$.spec.startDate') AS start_date,
       json_extract(e.document, '$.spec.targetDate') AS target_date,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.goals')) AS goals,
       json_array_length(e.document, '$.spec.updates') AS update_count,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'project' AND e.removed_at IS NULL;

CREATE VIEW v_goals AS
SELECT e.ref, e.name, e.title, e.status, e.owner_key AS owner,
       json_extract(e.document, '$.spec.parent') AS parent,
       json_extract(e.document, '$.spec.targetDate') AS target_date,
       json_extract(e.document, '$.spec.progress.current') AS progress_current,
       json_extract(e.document, '$.spec.progress.target') AS progress_target,
       json_extract(e.document, '$.spec.progress.unit') AS progress_unit,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'goal' AND e.removed_at IS NULL;

CREATE VIEW v_relations AS
SELECT r.source_key AS source, r.type, r.target_key AS target, o.ref AS origin
FROM relations r JOIN entities o ON o.id = r.origin_id
WHERE o.removed_at IS NULL;

CREATE VIEW v_removed AS
SELECT e.ref, json_extract(e.document, '$.kind') AS kind, e.name, e.title, e.owner_key AS owner,
       s.name AS source, e.first_seen, e.updated_at, e.removed_at, e.document
FROM entities e JOIN sources s ON s.id = e.source_id
WHERE e.removed_at IS NOT NULL;

CREATE VIEW v_sync_runs AS
SELECT id, source_name AS source, operation, started_at, finished_at, added, changed, unchanged,
       removed, held, status, error, snapshot_id
FROM sync_runs;
)SQL";

// Version 2: each relation is stored once, by the entity that states it (its source), and
// read from either end through the known inverse pairs. Version 1 stored every relation
// with its inverse, so a relation both ends state (as a Backstage server gives it) took
// four rows and sixteen B-tree inserts. The origin leads the key, so an entity's relations
// are one range (replaced whole when it changes) and new entities append.
constexpr QStringView Migration2 = uR"SQL(
CREATE TABLE relations_v2(
  origin_id   INTEGER NOT NULL,              -- entities.id of the entity that states it: the source
  type        TEXT NOT NULL,
  target_key  TEXT NOT NULL,
  PRIMARY KEY(origin_id, type, target_key)
) WITHOUT ROWID;
INSERT OR IGNORE INTO relations_v2(origin_id, type, target_key)
  SELECT r.origin_id, r.type, r.target_key FROM relations r JOIN entities o ON o.id = r.origin_id
  WHERE r.source_key = o.key;
DROP VIEW v_relations;
DROP TABLE relations;
ALTER TABLE relations_v2 RENAME TO relations;
CREATE INDEX relations_to ON relations(target_key, type);

-- Each relation in both directions, as in version 1: as stated, and under its inverse.
CREATE VIEW v_relations AS
WITH inverses(type, inverse) AS (VALUES
  ('ownedBy', 'ownerOf'), ('ownerOf', 'ownedBy'), ('partOf', 'hasPart'), ('hasPart', 'partOf'),
  ('dependsOn', 'dependencyOf'), ('dependencyOf', 'dependsOn'),
  ('providesApi', 'apiProvidedBy'), ('apiProvidedBy', 'providesApi'),
  ('consumesApi', 'apiConsumedBy'), ('apiConsumedBy', 'consumesApi'),
  ('memberOf', 'hasMember'), ('hasMember', 'memberOf'), ('childOf', 'parentOf'), ('parentOf', 'childOf'),
  ('contributesTo', 'hasContribution'), ('hasContribution', 'contributesTo'),
  ('worksOn', 'workedOnBy'), ('workedOnBy', 'worksOn'),
  ('hasContributor', 'contributorTo'), ('contributorTo', 'hasContributor'),
  ('hasTeam', 'teamOf'), ('teamOf', 'hasTeam'))
SELECT o.key AS source, r.type, r.target_key AS target, o.ref AS origin
FROM relations r JOIN entities o ON o.id = r.origin_id
WHERE o.removed_at IS NULL
UNION ALL
SELECT r.target_key AS source, i.inverse AS type, o.key AS target, o.ref AS origin
FROM relations r JOIN entities o ON o.id = r.origin_id JOIN inverses i ON i.type = r.type
WHERE o.removed_at IS NULL;
)SQL";

// Version 3: the entity lines of the logged runs as a public view, for "what changed" (the
// desktop's overview and `cairn log`): each line with its run's source and times and, when
// the cache still holds the entity (live or tombstoned), its ref, kind and display name.
constexpr QStringView Migration3 = uR"SQL(
CREATE VIEW v_sync_run_entities AS
SELECT x.run_id, r.source_name AS source, r.operation, r.started_at, r.finished_at, r.status,
       x.change, x.entity_key AS entity, e.ref, e.kind, e.display_name AS title, e.removed_at
FROM sync_run_entities x JOIN sync_runs r ON r.id = x.run_id
LEFT JOIN entities e ON e.key = x.entity_key;
)SQL";

// Version 4: what the desktop's tables show and sort on. Four columns no view had: a
// project's last update and slips (core::ProjectTimeline's lastUpdate and targetMoves, kept
// by triggers since they take a pass over spec.updates), a goal's own progress in percent
// (GoalProgress::ownProgress; a rollup over sub-goals depends on other rows) and a group's
// member count (both virtual: computed when read). Then an index for each column a kind's
// table (or the every-kind table) can sort on, on exactly the sort key the table orders by
// (cache/EntityColumns), so that a sort walks an index instead of sorting. A column that
// several kinds show has one index led by the kind rather than one per kind: a first
// import builds every index with a pass over the whole table, so their number is its cost.
constexpr QStringView Migration4 = uR"SQL(
ALTER TABLE entities ADD COLUMN last_update TEXT;  -- projects: the newest date in spec.updates
ALTER TABLE entities ADD COLUMN slips INTEGER;     -- projects: how many times the target date moved
ALTER TABLE entities ADD COLUMN progress REAL GENERATED ALWAYS AS (CASE WHEN kind = 'goal' THEN CASE
  WHEN json_type(document, '$.spec.progress.current') IN ('integer', 'real')
   AND json_type(document, '$.spec.progress.target') IN ('integer', 'real')
   AND json_extract(document, '$.spec.progress.target') <> 0
  THEN 100.0 * max(0.0, min(1.0, json_extract(document, '$.spec.progress.current') * 1.0
                                 / json_extract(document, '$.spec.progress.target')))
  WHEN json_type(document, '$.spec.score') IN ('integer', 'real') AND json_extract(document, '$.spec.score') BETWEEN 0 AND 1
  THEN 100.0 * json_extract(document, '$.spec.score')
  WHEN lower(json_extract(document, '$.spec.status')) IN ('done', 'completed') THEN 100.0
  END END) VIRTUAL;
ALTER TABLE entities ADD COLUMN member_count INTEGER GENERATED ALWAYS AS
  (CASE WHEN kind = 'group' THEN coalesce(json_array_length(document, '$.spec.members'), 0) END) VIRTUAL;

-- Internal, for the triggers below: each project's spec.updates entries (`position` their
-- place in the document) and then its spec.targetDate (`position` NULL), with the dates as
-- core::ProjectTimeline reads them: the first ten characters when they are a valid ISO date.
CREATE VIEW project_dates AS
SELECT id, position,
       CASE WHEN date(substr(day, 1, 10), '+0 days') = substr(day, 1, 10) THEN substr(day, 1, 10) END AS day,
       CASE WHEN date(substr(target, 1, 10), '+0 days') = substr(target, 1, 10) THEN substr(target, 1, 10) END AS target
FROM (SELECT e.id, u.key AS position,
             CASE u.type WHEN 'object' THEN json_extract(u.value, '$.date') END AS day,
             CASE u.type WHEN 'object' THEN json_extract(u.value, '$.targetDate') END AS target
      FROM entities e, json_each(e.document, '$.spec.updates') u
      WHERE e.kind = 'project' AND json_type(e.document, '$.spec.updates') = 'array'
      UNION ALL
      SELECT e.id, NULL, NULL, json_extract(e.document, '$.spec.targetDate') FROM entities e WHERE e.kind = 'project');

-- A project's last update is its newest dated update; its slips, how many times the target
-- date changed from one statement to the next: updates by date (undated ones first, the
-- document's order breaking ties), then spec.targetDate.
CREATE TRIGGER entities_project_insert AFTER INSERT ON entities WHEN NEW.kind = 'project'
BEGIN
  UPDATE entities SET
    last_update = (SELECT max(day) FROM project_dates WHERE id = NEW.id),
    slips = (SELECT count(*) FROM (
               SELECT target, lag(target) OVER (ORDER BY position IS NULL, day IS NOT NULL, day, position) AS previous
               FROM project_dates WHERE id = NEW.id AND target IS NOT NULL)
             WHERE target <> previous)
  WHERE id = NEW.id;
END;
CREATE TRIGGER entities_project_update AFTER UPDATE OF document, kind ON entities
  WHEN NEW.kind = 'project' OR OLD.kind = 'project'
BEGIN
  UPDATE entities SET
    last_update = (SELECT max(day) FROM project_dates WHERE id = NEW.id),
    slips = CASE WHEN NEW.kind = 'project' THEN (SELECT count(*) FROM (
               SELECT target, lag(target) OVER (ORDER BY position IS NULL, day IS NOT NULL, day, position) AS previous
               FROM project_dates WHERE id = NEW.id AND target IS NOT NULL)
             WHERE target <> previous) END
  WHERE id = NEW.id;
END;
UPDATE entities SET document = document WHERE kind = 'project';

-- Sort indexes of the kinds' tables: a column several kinds show, with the kind first;
-- the others per kind, partial.
CREATE INDEX entities_by_title ON entities(kind, coalesce(title, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_by_type ON entities(kind, coalesce(type, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_by_lifecycle ON entities(kind, coalesce(lifecycle, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_by_status ON entities(kind, coalesce(status, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_by_owner ON entities(kind, coalesce(owner_key, '')) WHERE removed_at IS NULL;
CREATE INDEX entities_by_display_name ON entities(kind, display_name COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_by_system ON entities(kind, coalesce(json_extract(document, '$.spec.system'), '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_by_tags ON entities(kind, coalesce(json_extract(document, '$.metadata.tags[0]'), '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_system_by_domain ON entities(coalesce(json_extract(document, '$.spec.domain'), '') COLLATE NOCASE) WHERE kind = 'system' AND removed_at IS NULL;
CREATE INDEX entities_project_by_team ON entities(coalesce(json_extract(document, '$.spec.team'), '') COLLATE NOCASE) WHERE kind = 'project' AND removed_at IS NULL;
CREATE INDEX entities_project_by_target_date ON entities(coalesce(json_extract(document, '$.spec.targetDate'), '')) WHERE kind = 'project' AND removed_at IS NULL;
CREATE INDEX entities_project_by_last_update ON entities(coalesce(last_update, '')) WHERE kind = 'project' AND removed_at IS NULL;
CREATE INDEX entities_project_by_slips ON entities(coalesce(slips, 0)) WHERE kind = 'project' AND removed_at IS NULL;
CREATE INDEX entities_goal_by_progress ON entities(coalesce(progress, -1)) WHERE kind = 'goal' AND removed_at IS NULL;
CREATE INDEX entities_goal_by_target_date ON entities(coalesce(json_extract(document, '$.spec.targetDate'), '')) WHERE kind = 'goal' AND removed_at IS NULL;
CREATE INDEX entities_group_by_parent ON entities(coalesce(json_extract(document, '$.spec.parent'), '') COLLATE NOCASE) WHERE kind = 'group' AND removed_at IS NULL;
CREATE INDEX entities_group_by_member_count ON entities(coalesce(member_count, 0)) WHERE kind = 'group' AND removed_at IS NULL;
CREATE INDEX entities_user_by_email ON entities(coalesce(json_extract(document, '$.spec.profile.email'), '') COLLATE NOCASE) WHERE kind = 'user' AND removed_at IS NULL;
CREATE INDEX entities_user_by_member_of ON entities(coalesce(json_extract(document, '$.spec.memberOf[0]'), '') COLLATE NOCASE) WHERE kind = 'user' AND removed_at IS NULL;
-- The every-kind table's (its kind column walks entities_kind_name).
CREATE INDEX entities_all_by_name ON entities(name) WHERE removed_at IS NULL;
CREATE INDEX entities_all_by_title ON entities(coalesce(title, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_all_by_type ON entities(coalesce(type, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_all_by_lifecycle ON entities(coalesce(lifecycle, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_all_by_status ON entities(coalesce(status, '') COLLATE NOCASE) WHERE removed_at IS NULL;
CREATE INDEX entities_all_by_owner ON entities(coalesce(owner_key, '')) WHERE removed_at IS NULL;

DROP VIEW v_groups;
CREATE VIEW v_groups AS
SELECT e.ref, e.name, e.display_name, e.type,
       json_extract(e.document, '$.spec.profile.email') AS email,
       json_extract(e.document, '$.spec.parent') AS parent,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.children')) AS children,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.members')) AS members,
       e.member_count,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'group' AND e.removed_at IS NULL;

DROP VIEW v_projects;
CREATE VIEW v_projects AS
SELECT e.ref, e.name, e.title, e.status, e.owner_key AS owner,
       json_extract(e.document, '$.spec.team') AS team,
       json_extract(e.document, '$.spec.startDate') AS start_date,
       json_extract(e.document, '$.spec.targetDate') AS target_date,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.spec.goals')) AS goals,
       json_array_length(e.document, '$.spec.updates') AS update_count,
       e.last_update, e.slips,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'project' AND e.removed_at IS NULL;

DROP VIEW v_goals;
CREATE VIEW v_goals AS
SELECT e.ref, e.name, e.title, e.status, e.owner_key AS owner,
       json_extract(e.document, '$.spec.parent') AS parent,
       json_extract(e.document, '$.spec.targetDate') AS target_date,
       json_extract(e.document, '$.spec.progress.current') AS progress_current,
       json_extract(e.document, '$.spec.progress.target') AS progress_target,
       json_extract(e.document, '$.spec.progress.unit') AS progress_unit,
       e.progress,
       json_extract(e.document, '$.metadata.description') AS description
FROM entities e WHERE e.kind = 'goal' AND e.removed_at IS NULL;
)SQL";

// Version 5: what a person chose to keep although its source no longer has it (a held mass
// removal answered "keep my copy", cache::KeptEntities). A run of that source neither
// tombstones a kept entity nor counts it in the mass-removal guard; the decision ends when
// the entity comes back upstream or its removal is confirmed. Keyed by the source's id and
// the entity's key, not the entity's id: a decision is about a ref of a source, and ends
// rather than follows the row if another source takes the entity over.
constexpr QStringView Migration5 = uR"SQL(
CREATE TABLE kept_entities(
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  entity_key  TEXT NOT NULL,                 -- lower-case kind:namespace/name
  kept_at     TEXT NOT NULL,                 -- when the person decided
  PRIMARY KEY(source_id, entity_key)
) WITHOUT ROWID;

-- Decisions that still hold: the entity is live and still its source's.
CREATE VIEW v_kept_entities AS
SELECT e.ref, json_extract(e.document, '$.kind') AS kind, e.name, e.title, e.owner_key AS owner,
       s.name AS source, k.kept_at
FROM kept_entities k JOIN sources s ON s.id = k.source_id
JOIN entities e ON e.key = k.entity_key AND e.source_id = k.source_id
WHERE e.removed_at IS NULL AND s.removed_at IS NULL;
)SQL";

// Version 6: component health (core::Scorecard evaluated by cache::HealthStore), kept in
// step with the entities in the same transaction as every write that changes them.
// entities.health_score / health_band hold an entity's worst scorecard (NULL when none
// applies) for the tables' Health column and its sort.
constexpr QStringView Migration6 = uR"SQL(
CREATE TABLE health_scorecards(
  id          TEXT PRIMARY KEY,              -- stable id, from the file name or `id:`
  name        TEXT NOT NULL,
  position    INTEGER NOT NULL,              -- built-in first, then the user's files by name
  origin      TEXT NOT NULL,                 -- "built-in" or the file it came from
  definition  TEXT NOT NULL CHECK (json_valid(definition))
);

CREATE TABLE health(
  entity_id   INTEGER NOT NULL REFERENCES entities(id),
  scorecard   TEXT NOT NULL,                 -- health_scorecards.id
  score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  band        TEXT NOT NULL CHECK (band IN ('failing', 'needs-attention', 'passing')),
  level       TEXT NOT NULL CHECK (level IN ('none', 'bronze', 'silver', 'gold')),
  failed      TEXT NOT NULL DEFAULT '',      -- ids of the failed criteria, comma-separated
  results     TEXT NOT NULL CHECK (json_valid(results)),       -- every criterion with its evidence
  risk_path   TEXT CHECK (risk_path IS NULL OR json_valid(risk_path)), -- keys down to a failing dependency
  PRIMARY KEY(entity_id, scorecard)
) WITHOUT ROWID;
CREATE INDEX health_by_scorecard ON health(scorecard, band, score);

-- The other entities an entity's health was read from (its owner, on-call, dependencies):
-- when one of them changes, the entity is evaluated again.
CREATE TABLE health_reads(
  target_key  TEXT NOT NULL,                 -- lower-case kind:namespace/name
  entity_id   INTEGER NOT NULL,
  PRIMARY KEY(target_key, entity_id)
) WITHOUT ROWID;
CREATE INDEX health_reads_by_entity ON health_reads(entity_id);

-- What the stored health was computed for: the scorecards' fingerprint and the day that
-- date criteria were judged against. Either differing recomputes everything.
CREATE TABLE health_state(
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

ALTER TABLE entities ADD COLUMN health_score INTEGER;  -- the worst scorecard's score
ALTER TABLE entities ADD COLUMN health_band TEXT;      -- and its band
-- The components table's Health column sorts on this (cache/EntityColumns).
CREATE INDEX entities_component_by_health ON entities(coalesce(health_score, -1)) WHERE kind = 'component' AND removed_at IS NULL;

DROP VIEW v_components;
CREATE VIEW v_components AS
SELECT e.ref, e.name, e.title, e.type, e.lifecycle, e.owner_key AS owner,
       json_extract(e.document, '$.spec.system') AS system,
       json_extract(e.document, '$.spec.subcomponentOf') AS subcomponent_of,
       (SELECT group_concat(value, ', ') FROM json_each(e.document, '$.metadata.tags')) AS tags,
       json_extract(e.document, '$.metadata.description') AS description,
       e.health_score AS health, e.health_band AS health_band
FROM entities e WHERE e.kind = 'component' AND e.removed_at IS NULL;

CREATE VIEW v_health AS
SELECT e.ref, json_extract(e.document, '$.kind') AS kind, e.name, e.display_name, e.owner_key AS owner,
       h.scorecard, c.name AS scorecard_name, h.score, h.band, h.level, h.failed,
       (SELECT group_concat(value, ' > ') FROM json_each(h.risk_path)) AS at_risk_via,
       h.results
FROM health h JOIN entities e ON e.id = h.entity_id
LEFT JOIN health_scorecards c ON c.id = h.scorecard
WHERE e.removed_at IS NULL;
)SQL";

// Version 7: the dependency graph the stored risk paths were computed on, so that a write
// can tell which dependencies it changed (HealthStore::update) instead of following every
// dependent of every entity it touched; and what each health read saw of its target. Empty until the health is
// recomputed, which forgetting health_state brings about at the next open.
constexpr QStringView Migration7 = uR"SQL(
CREATE TABLE health_dependencies(
  entity_key      TEXT NOT NULL,             -- a live entity, lower-case kind:namespace/name
  dependency_key  TEXT NOT NULL,             -- what it depends on (dependsOn, or dependencyOf from the other end)
  PRIMARY KEY(entity_key, dependency_key)
) WITHOUT ROWID;
CREATE INDEX health_dependencies_by_dependency ON health_dependencies(dependency_key);
-- What the reading entity saw of the target ("kind\nlifecycle", '' when it was not live):
-- a write that leaves that as it was does not evaluate the reader again.
ALTER TABLE health_reads ADD COLUMN seen TEXT NOT NULL DEFAULT '';
DELETE FROM health_state;
)SQL";

// Version 8: the health table's checks of band and level as comparisons, not IN lists:
// SQLite builds a temporary index for an IN list each time the check runs, which made
// every insert of a recompute cost half as much again. Health is derived data: the table is
// made anew, empty, and recomputed at the next open for writing.
constexpr QStringView Migration8 = uR"SQL(
DROP VIEW v_health;
DROP TABLE health;
CREATE TABLE health(
  entity_id   INTEGER NOT NULL REFERENCES entities(id),
  scorecard   TEXT NOT NULL,                 -- health_scorecards.id
  score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  band        TEXT NOT NULL CHECK (band = 'failing' OR band = 'needs-attention' OR band = 'passing'),
  level       TEXT NOT NULL CHECK (level = 'none' OR level = 'bronze' OR level = 'silver' OR level = 'gold'),
  failed      TEXT NOT NULL DEFAULT '',      -- ids of the failed criteria, comma-separated
  results     TEXT NOT NULL CHECK (json_valid(results)),       -- every criterion with its evidence
  risk_path   TEXT CHECK (risk_path IS NULL OR json_valid(risk_path)), -- keys down to a failing dependency
  PRIMARY KEY(entity_id, scorecard)
) WITHOUT ROWID;
CREATE INDEX health_by_scorecard ON health(scorecard, band, score);

CREATE VIEW v_health AS
SELECT e.ref, json_extract(e.document, '$.kind') AS kind, e.name, e.display_name, e.owner_key AS owner,
       h.scorecard, c.name AS scorecard_name, h.score, h.band, h.level, h.failed,
       (SELECT group_concat(value, ' > ') FROM json_each(h.risk_path)) AS at_risk_via,
       h.results
FROM health h JOIN entities e ON e.id = h.entity_id
LEFT JOIN health_scorecards c ON c.id = h.scorecard
WHERE e.removed_at IS NULL;
DELETE FROM health_state;
)SQL";

// Version 9: the health tables in the shape a recompute writes fastest. The health rows no
// longer name their entity as a foreign key: with the key, SQLite empties the table a row
// at a time instead of all at once, and every write that changes an entity's health
// already removes the rows of an entity that goes (CatalogWriter::purge, HealthStore). Nor
// do they check that their JSON is valid: only Cairn writes it (core::JsonText), and the
// check parsed every row again as it went in. The reads are keyed by the reading entity,
// so that a recompute appends them as it evaluates, and found by their target through an
// index that holds what was seen. The dependency graph is one row per entity instead of
// one per edge, and holds what each dependency was seen as (the reads of dependencies, four
// in five, are no longer rows of health_reads): an update compares an entity's row as a
// whole, and learns whose dependencies a changed entity may have changed from what it
// stated for others (dependencyOf). All are derived data, recomputed at the next open for
// writing.
constexpr QStringView Migration9 = uR"SQL(
DROP VIEW v_health;
DROP TABLE health;
CREATE TABLE health(
  entity_id   INTEGER NOT NULL,              -- entities.id
  scorecard   TEXT NOT NULL,                 -- health_scorecards.id
  score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  band        TEXT NOT NULL CHECK (band = 'failing' OR band = 'needs-attention' OR band = 'passing'),
  level       TEXT NOT NULL CHECK (level = 'none' OR level = 'bronze' OR level = 'silver' OR level = 'gold'),
  failed      TEXT NOT NULL DEFAULT '',      -- ids of the failed criteria, comma-separated
  results     TEXT NOT NULL,                 -- every criterion with its evidence, as JSON
  risk_path   TEXT,                          -- keys down to a failing dependency, a JSON array
  PRIMARY KEY(entity_id, scorecard)
) WITHOUT ROWID;
CREATE INDEX health_by_scorecard ON health(scorecard, band, score);
CREATE VIEW v_health AS
SELECT e.ref, json_extract(e.document, '$.kind') AS kind, e.name, e.display_name, e.owner_key AS owner,
       h.scorecard, c.name AS scorecard_name, h.score, h.band, h.level, h.failed,
       (SELECT group_concat(value, ' > ') FROM json_each(h.risk_path)) AS at_risk_via,
       h.results
FROM health h JOIN entities e ON e.id = h.entity_id
LEFT JOIN health_scorecards c ON c.id = h.scorecard
WHERE e.removed_at IS NULL;
DROP TABLE health_reads;
CREATE TABLE health_reads(
  entity_id   INTEGER NOT NULL,              -- the entity whose health read the target
  target_key  TEXT NOT NULL,                 -- lower-case kind:namespace/name
  seen        TEXT NOT NULL DEFAULT '',      -- "kind\nlifecycle" of the target, '' when it was not live
  PRIMARY KEY(entity_id, target_key)
) WITHOUT ROWID;
CREATE INDEX health_reads_by_target ON health_reads(target_key, seen);
DROP TABLE health_dependencies;
CREATE TABLE health_dependencies(
  entity_key    TEXT PRIMARY KEY,            -- lower-case kind:namespace/name
  dependencies  TEXT NOT NULL,              -- its dependencies by key, sorted, with what each was seen as: [[key, seen], ...]
  stated_for    TEXT NOT NULL               -- the entities it states itself a dependencyOf: [key, ...]
) WITHOUT ROWID;
DELETE FROM health_state;
)SQL";

// Schema 10: a project's last update and slips are written with its row by the writer
// (cache::EntityRow, from core::ProjectTimeline, the rule the triggers followed), so the
// triggers and their view go. A trigger on `entities` gave every row's INSERT a statement
// journal of its own, and with it a flush of the search index's pending rows, which
// slowed every first sync and import (bench/README.md, "Schema 10"). The values stored
// so far stay: the triggers computed them by the same rule.
constexpr QStringView Migration10 = uR"SQL(
DROP TRIGGER IF EXISTS entities_project_insert;
DROP TRIGGER IF EXISTS entities_project_update;
DROP VIEW IF EXISTS project_dates;
)SQL";

struct Migration
{
    int version;
    QStringView sql;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list { { 1, Migration1 }, { 2, Migration2 }, { 3, Migration3 }, { 4, Migration4 },
        { 5, Migration5 }, { 6, Migration6 }, { 7, Migration7 }, { 8, Migration8 }, { 9, Migration9 },
        { 10, Migration10 } };
    return list;
}

} // namespace

int Schema::latestVersion()
{
    return migrations().constLast().version;
}

core::Error Schema::newerSchemaError(const QString &path, int fileVersion)
{
    return core::Error { QStringLiteral("The cache %1 was written by a newer Cairn (schema %2, this one knows %3).")
                             .arg(path)
                             .arg(fileVersion)
                             .arg(latestVersion()),
        core::ErrorKind::NewerVersion };
}

core::Status Schema::migrate(Database &db, const std::function<core::Status()> &complete)
{
    core::Result<int> current = db.userVersion();
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return newerSchemaError(db.path(), *current);
    core::Result<qint64> applicationId = db.queryInt(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return applicationId.error();
    if (*current == latestVersion() && *applicationId == CacheOwnership::ApplicationId)
        return {};

    CAIRN_TRY_ASSIGN(Transaction tx, Transaction::begin(db));
    for (const Migration &m : migrations()) {
        if (m.version <= *current)
            continue;
        core::Status applied = db.exec(m.sql.toString());
        if (applied)
            applied = db.setUserVersion(m.version);
        if (!applied)
            return core::Error { QStringLiteral("Could not migrate the cache %1 to schema %2: %3")
                                     .arg(db.path())
                                     .arg(m.version)
                                     .arg(applied.errorString()) };
    }
    // Marks the file as Cairn's (CacheOwnership): once, for a new cache or one from before
    // the mark; a header write, so not on every open, and inside the transaction, so a new
    // cache never exists without it.
    if (*applicationId != CacheOwnership::ApplicationId)
        CAIRN_TRY(db.exec(QStringLiteral("PRAGMA application_id=%1").arg(CacheOwnership::ApplicationId)));
    if (*current != latestVersion() && complete)
        CAIRN_TRY(complete());
    return tx.commit();
}

} // namespace cairn::cache
