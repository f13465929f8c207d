import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { selectRows } from '@lib/database';
import { localisedSql } from '@lib/frameworks';
import { CLOSED_STATES, type CycleOrigin, type CycleState } from '@lib/cycles';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { FollowershipCount } from '../domain';
import type { FrameworkWords } from './report-language';

/** The cycle and subject around one report: everything the access decision and the header need. */
export interface ReportContext {
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  origin: CycleOrigin;
  settings: Record<string, unknown>;
  closedAt: string | null;
  releasedAt: string | null;
  frameworkName: string;
  frameworkVersion: number;
  subjectId: string;
  subjectName: string;
  subjectTitle: string | null;
  department: string | null;
  managerId: string | null;
  /** The colleagues the subject shared the report of a cycle they started with (report_shares). */
  sharedWith: string[];
}

/** A snapshot's anonymous raters as read (uuid[]); never copied into anything served. */
const raterIds = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The earlier report a stored trend compares with, as the access rules see it today: a trend
 * shows that report's numbers, so only a reader who may read it sees the trend.
 */
export interface TrendBaseline {
  cycleId: string;
  /** Null when the earlier cycle or the subject's place in it is gone. */
  cycleState: CycleState | null;
  origin: CycleOrigin;
  settings: Record<string, unknown>;
  /** The subject's manager frozen at the earlier cycle's launch. */
  managerId: string | null;
  /** Whom the earlier report counted as anonymous raters; null when that snapshot is gone (then nobody sees the trend). */
  anonymousRaters: string[] | null;
}

export interface LoadedReport {
  context: ReportContext;
  /** The stored report as JSON text (the StoredReport shape of `format`). */
  snapshot: { format: number; reportJson: string; computedAt: Date; anonymousRaters: string[]; followership: FollowershipCount | null } | null;
  /** Whether the reader named the subject in this cycle (domain/followership.ts, rule 2); never served. */
  readerNamed: boolean;
  /** Present when the stored report has a trend. */
  trendBaseline: TrendBaseline | null;
}

/**
 * A report the person might open as subject or frozen manager: the candidate rows of "my
 * reports", with everything the access decision needs. Which of them the person may open is
 * decided by reportAccess (the service filters), never here.
 */
export interface MyReportCandidate {
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  origin: CycleOrigin;
  settings: Record<string, unknown>;
  closedAt: string | null;
  releasedAt: string | null;
  subjectId: string;
  subjectName: string;
  subjectTitle: string | null;
  department: string | null;
  managerId: string | null;
  /** Whom the report counted as anonymous raters: for the decision only, never served. */
  anonymousRaters: string[];
  /** Whether the subject shared this report (of a cycle they started) with the person. */
  sharedWithMe: boolean;
}

const iso = (value: Date | string | null): string | null => (value ? new Date(value).toISOString() : null);

/** A row of load(): pg gives timestamps as Date and jsonb parsed; the report itself is text. */
interface LoadRow {
  cycle_id: string;
  cycle_name: string;
  state: CycleState;
  origin: CycleOrigin;
  settings: Record<string, unknown> | null;
  closed_at: Date | null;
  released_at: Date | null;
  framework_name: string;
  version: number;
  person_id: string;
  name: string;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  format: number | null;
  report: string | null;
  computed_at: Date | null;
  trend_cycle_id: string | null;
  trend_cycle_state: CycleState | null;
  trend_cycle_origin: CycleOrigin | null;
  trend_cycle_settings: Record<string, unknown> | null;
  trend_manager_id: string | null;
  anonymous_rater_ids: string[] | null;
  trend_anonymous_rater_ids: string[] | null;
  followership_named: number | null;
  followership_anonymous: number | null;
  reader_named: boolean;
  shared_with: string[] | null;
}

/**
 * One cycle of a subject's history on a framework: what its released report showed (the snapshot's
 * summary, written with it and never recomputed) and what the access rules need to decide whether
 * today's reader may read that report.
 */
export interface HistoryEntry {
  cycleId: string;
  cycleName: string;
  closedAt: string | null;
  /** The cycle being read (always last). */
  current: boolean;
  cycleState: CycleState;
  origin: CycleOrigin;
  settings: Record<string, unknown>;
  managerId: string | null;
  anonymousRaters: string[];
  /** report_snapshots.summary: the all-others numbers that report showed, null where it hid them. */
  summary: Record<string, unknown>;
}

/** The most cycles a history goes back (a framework is reused a few times a year). */
export const HISTORY_LIMIT = 40;

interface HistoryRow {
  cycle_id: string;
  name: string;
  closed_at: Date | null;
  current: boolean;
  state: CycleState;
  origin: CycleOrigin;
  settings: Record<string, unknown> | null;
  manager_id: string | null;
  anonymous_rater_ids: string[] | null;
  summary: Record<string, unknown> | null;
}

/** A row of myCandidates(). */
interface CandidateRow {
  cycle_id: string;
  cycle_name: string;
  state: CycleState;
  origin: CycleOrigin;
  settings: Record<string, unknown> | null;
  closed_at: Date | null;
  released_at: Date | null;
  person_id: string;
  name: string;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  anonymous_rater_ids: string[] | null;
  shared_with_me: boolean;
}

@Injectable()
export class ReportReadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The cycle's framework words in `language` (report-language.ts), from its frozen version: each
   * word by the one rule of libs/frameworks (`localisedSql`: the translation when not blank, else the
   * framework's own).
   */
  async frameworkWords(organizationId: string, cycleId: string, language: string): Promise<FrameworkWords> {
    const rows = await selectRows<{ kind: 'question' | 'behaviour'; id: string; text: string; description: string | null }>(
      this.db,
      `SELECT 'question' AS kind, q.id::text AS id, ${localisedSql('q', 'text', '$3')} AS text, NULL AS description
         FROM cycles c JOIN questions q ON q.organization_id = c.organization_id AND q.framework_version_id = c.framework_version_id
        WHERE c.organization_id = $1 AND c.id = $2
       UNION ALL
       SELECT 'behaviour', b.key, ${localisedSql('b', 'name', '$3')}, ${localisedSql('b', 'description', '$3')}
         FROM cycles c JOIN behaviours b ON b.organization_id = c.organization_id AND b.framework_version_id = c.framework_version_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [organizationId, cycleId, language],
    );
    const questions = new Map<string, string>();
    const behaviours = new Map<string, { name: string; description: string | null }>();
    for (const r of rows) {
      if (r.kind === 'question') questions.set(r.id, r.text);
      else behaviours.set(r.id, { name: r.text, description: r.description });
    }
    return { questions, behaviours };
  }

  /**
   * The cycle, the subject (org chart frozen at launch) and the stored report as JSON text, in
   * one round trip: a report read is on the hot path. A named prepared statement, so PostgreSQL
   * plans this join once per connection rather than on every read. The caller decides access
   * before anything of it leaves the service. The trend's earlier cycle is joined by the id the
   * snapshot froze in, so the service can apply the access rules to it as well.
   */
  async load(organizationId: string, cycleId: string, subjectId: string, readerId: string): Promise<LoadedReport | null> {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    // eslint-disable-next-line no-restricted-syntax -- pg's own typed query: a named prepared statement, which TypeORM's query() cannot run
    const { rows } = await pool.query<LoadRow>({
      name: 'reports.load',
      text: `SELECT c.id AS cycle_id, c.name AS cycle_name, c.state, c.origin, c.settings, c.closed_at, c.released_at,
                    f.name AS framework_name, fv.version, cs.person_id, p.name, p.title, cs.department, cs.manager_id,
                    rs.format, rs.report, rs.computed_at, rs.trend_cycle_id,
                    rs.anonymous_rater_ids, pc.state AS trend_cycle_state, pc.origin AS trend_cycle_origin, pc.settings AS trend_cycle_settings,
                    pcs.manager_id AS trend_manager_id, prs.anonymous_rater_ids AS trend_anonymous_rater_ids,
                    rs.followership_named, rs.followership_anonymous,
                    EXISTS (SELECT 1 FROM followership_nominations n
                             WHERE n.organization_id = cs.organization_id AND n.cycle_id = cs.cycle_id AND n.nominee_id = cs.person_id AND n.nominator_id = $4) AS reader_named,
                    ARRAY(SELECT sh.person_id FROM report_shares sh
                           WHERE sh.organization_id = cs.organization_id AND sh.cycle_id = cs.cycle_id AND sh.subject_id = cs.person_id) AS shared_with
               FROM cycle_subjects cs
               JOIN cycles c ON c.organization_id = cs.organization_id AND c.id = cs.cycle_id
               JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
               JOIN framework_versions fv ON fv.organization_id = c.organization_id AND fv.id = c.framework_version_id
               JOIN frameworks f ON f.organization_id = fv.organization_id AND f.id = fv.framework_id
               LEFT JOIN report_snapshots rs ON rs.organization_id = cs.organization_id AND rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id
               LEFT JOIN cycle_subjects pcs ON pcs.organization_id = cs.organization_id AND pcs.person_id = cs.person_id AND pcs.cycle_id = rs.trend_cycle_id
               LEFT JOIN cycles pc ON pc.organization_id = pcs.organization_id AND pc.id = pcs.cycle_id
               LEFT JOIN report_snapshots prs ON prs.organization_id = pcs.organization_id AND prs.cycle_id = pcs.cycle_id AND prs.subject_id = pcs.person_id
              WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.person_id = $3 AND cs.removed_at IS NULL`,
      values: [organizationId, cycleId, subjectId, readerId],
    });
    const r: LoadRow | undefined = rows[0];
    if (!r) return null;
    return {
      context: {
        cycleId: r.cycle_id,
        cycleName: r.cycle_name,
        cycleState: r.state,
        origin: r.origin,
        settings: r.settings ?? {},
        closedAt: iso(r.closed_at),
        releasedAt: iso(r.released_at),
        frameworkName: r.framework_name,
        frameworkVersion: r.version,
        subjectId: r.person_id,
        subjectName: r.name,
        subjectTitle: r.title,
        department: r.department,
        managerId: r.manager_id,
        sharedWith: raterIds(r.shared_with),
      },
      snapshot:
        r.report !== null && r.format !== null && r.computed_at !== null
          ? {
              format: r.format,
              reportJson: r.report,
              computedAt: r.computed_at,
              anonymousRaters: raterIds(r.anonymous_rater_ids),
              followership:
                r.followership_named === null || r.followership_anonymous === null
                  ? null
                  : { named: r.followership_named, anonymous: r.followership_anonymous },
            }
          : null,
      readerNamed: r.reader_named,
      trendBaseline: r.trend_cycle_id
        ? {
            cycleId: r.trend_cycle_id,
            cycleState: r.trend_cycle_state ?? null,
            // A baseline that is gone is read by nobody anyway (cycleState null).
            origin: r.trend_cycle_origin ?? 'hr',
            settings: r.trend_cycle_settings ?? {},
            managerId: r.trend_manager_id ?? null,
            anonymousRaters: r.trend_anonymous_rater_ids ? raterIds(r.trend_anonymous_rater_ids) : null,
          }
        : null,
    };
  }

  /**
   * The subject's cycles on the framework of `cycleId`: every earlier released cycle whose report
   * was stored for them (they were not removed from it), oldest first, then `cycleId` itself. The
   * caller decides which of them the reader may see (an earlier report's numbers are that report's).
   */
  async history(organizationId: string, cycleId: string, subjectId: string): Promise<HistoryEntry[]> {
    const rows = await selectRows<HistoryRow>(
      this.db,
      `WITH this AS (
         SELECT c.id, fv.framework_id, COALESCE(c.closed_at, c.launched_at, c.created_at) AS ordered_at
           FROM cycles c
           JOIN framework_versions fv ON fv.organization_id = c.organization_id AND fv.id = c.framework_version_id
          WHERE c.organization_id = $1 AND c.id = $2)
       SELECT * FROM (
         SELECT c.id AS cycle_id, c.name, c.closed_at, c.id = this.id AS current, c.state, c.origin, c.settings, cs.manager_id,
                rs.anonymous_rater_ids, rs.summary, COALESCE(c.closed_at, c.launched_at, c.created_at) AS ordered_at
           FROM this
           JOIN framework_versions fv ON fv.organization_id = $1 AND fv.framework_id = this.framework_id
           JOIN cycles c ON c.organization_id = fv.organization_id AND c.framework_version_id = fv.id
           JOIN cycle_subjects cs ON cs.organization_id = c.organization_id AND cs.cycle_id = c.id AND cs.person_id = $3 AND cs.removed_at IS NULL
           JOIN report_snapshots rs ON rs.organization_id = cs.organization_id AND rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id
          WHERE c.id = this.id
             OR (c.state = 'released' AND COALESCE(c.closed_at, c.launched_at, c.created_at) < this.ordered_at)
          ORDER BY c.id = this.id DESC, ordered_at DESC, c.id
          LIMIT ${HISTORY_LIMIT}) h
        ORDER BY current, ordered_at, cycle_id`,
      [organizationId, cycleId, subjectId],
    );
    return rows.map((r) => ({
      cycleId: r.cycle_id,
      cycleName: r.name,
      closedAt: iso(r.closed_at),
      current: r.current,
      cycleState: r.state,
      origin: r.origin,
      settings: r.settings ?? {},
      managerId: r.manager_id,
      anonymousRaters: raterIds(r.anonymous_rater_ids),
      summary: r.summary ?? {},
    }));
  }

  /**
   * The snapshotted reports of closed and released cycles in which the person is the subject or
   * the frozen manager: candidates only (a coarse, index-friendly narrowing, not the rule).
   * Newest cycle first.
   */
  async myCandidates(organizationId: string, personId: string): Promise<MyReportCandidate[]> {
    const rows = await selectRows<CandidateRow>(
      this.db,
      `SELECT c.id AS cycle_id, c.name AS cycle_name, c.state, c.origin, c.settings, c.closed_at, c.released_at,
              cs.person_id, p.name, p.title, cs.department, cs.manager_id, rs.anonymous_rater_ids, sh.person_id IS NOT NULL AS shared_with_me
         FROM cycle_subjects cs
         JOIN cycles c ON c.organization_id = cs.organization_id AND c.id = cs.cycle_id
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         JOIN report_snapshots rs ON rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id AND rs.organization_id = cs.organization_id
         LEFT JOIN report_shares sh ON sh.organization_id = cs.organization_id AND sh.cycle_id = cs.cycle_id AND sh.subject_id = cs.person_id AND sh.person_id = $2
        WHERE cs.organization_id = $1 AND (cs.person_id = $2 OR cs.manager_id = $2 OR sh.person_id IS NOT NULL) AND c.state = ANY($3::text[]) AND cs.removed_at IS NULL
        ORDER BY COALESCE(c.closed_at, c.created_at) DESC, c.id, (cs.person_id = $2) DESC, p.name, p.id
        LIMIT 1000`,
      [organizationId, personId, CLOSED_STATES],
    );
    return rows.map((r) => ({
      cycleId: r.cycle_id,
      cycleName: r.cycle_name,
      cycleState: r.state,
      origin: r.origin,
      settings: r.settings ?? {},
      closedAt: iso(r.closed_at),
      releasedAt: iso(r.released_at),
      subjectId: r.person_id,
      subjectName: r.name,
      subjectTitle: r.title,
      department: r.department,
      managerId: r.manager_id,
      anonymousRaters: raterIds(r.anonymous_rater_ids),
      sharedWithMe: r.shared_with_me,
    }));
  }
}
