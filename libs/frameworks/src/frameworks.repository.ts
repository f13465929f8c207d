import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Language } from '@lib/common';
import { selectFirst, selectOne, selectRows } from '@lib/database';
import { localisedSql } from './framework-language';
import { FREQUENCY_SCALE, type BehaviourKind } from './default-framework.data';
import type { FrameworkContent } from './framework-definition';
import type {
  BehaviourDto,
  BehaviourTranslationsDto,
  FrameworkCycleDto,
  FrameworkSummaryDto,
  FrameworkVersionDto,
  FrameworkVersionSummaryDto,
  OpenQuestionDto,
  OpenQuestionTranslationsDto,
  RatingScaleDto,
} from './framework.dto';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Rows as pg returns them: timestamps as Date. */
interface FrameworkSummaryRow {
  id: string;
  name: string;
  description: string;
  created_at: Date;
  version_id: string;
  version: number;
  behaviour_count: number;
  statement_count: number;
  cycle_count: number;
}
interface FrameworkRow {
  id: string;
  name: string;
  description: string;
  created_at: Date;
}
interface VersionSummaryRow {
  id: string;
  version: number;
  created_at: Date;
  cycle_count: number;
}
interface FrameworkCycleRow {
  id: string;
  name: string;
  state: string;
  framework_version_id: string;
  version: number;
}
interface VersionRow {
  id: string;
  framework_id: string;
  framework_name: string;
  version: number;
  created_at: Date;
}
interface BehaviourRow {
  id: string;
  key: string;
  name: string;
  description: string;
  kind: BehaviourKind;
  position: number;
  translations: BehaviourTranslationsDto;
}
interface QuestionRow {
  id: string;
  behaviour_id: string | null;
  key: string;
  type: string;
  text: string;
  hint: string | null;
  position: number;
  translations: OpenQuestionTranslationsDto;
}

export const scaleDto = (): RatingScaleDto => ({
  kind: FREQUENCY_SCALE.kind,
  points: FREQUENCY_SCALE.points.map((p) => ({ value: p.value, label: p.label })),
  notObservedLabel: FREQUENCY_SCALE.notObservedLabel,
});

// Arbitrary constant: with the organisation's hash, serialises the seeding of its first framework.
const SEED_LOCK = 7_424_220;

/** Cycles that have left draft freeze their framework version (see CyclesService.launch). */
const LAUNCHED = `state <> 'draft'`;

/** Every method takes the organisation first: a query without a tenant does not compile. */
@Injectable()
export class FrameworksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /** The organisation's first framework (the default one, once seeded). */
  async firstId(organizationId: string, tx?: EntityManager): Promise<string | undefined> {
    const rows = await selectRows<{ id: string }>(this.q(tx), `SELECT id FROM frameworks WHERE organization_id = $1 ORDER BY created_at, id LIMIT 1`, [
      organizationId,
    ]);
    return rows[0]?.id;
  }

  /** Until `tx` ends, serialises the seeding of the organisation's first framework. */
  async lockSeeding(organizationId: string, tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SEED_LOCK, organizationId]);
  }

  async hasAny(organizationId: string, tx?: EntityManager): Promise<boolean> {
    const rows = await selectRows<object>(this.q(tx), `SELECT 1 FROM frameworks WHERE organization_id = $1 LIMIT 1`, [organizationId]);
    return rows.length > 0;
  }

  async insertFramework(organizationId: string, name: string, description: string, tx: EntityManager): Promise<string> {
    const row = await selectOne<{ id: string }>(tx, `INSERT INTO frameworks (organization_id, name, description) VALUES ($1, $2, $3) RETURNING id`, [
      organizationId,
      name,
      description,
    ]);
    return row.id;
  }

  async updateFramework(organizationId: string, id: string, name: string, description: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE frameworks SET name = $3, description = $4 WHERE organization_id = $1 AND id = $2`, [organizationId, id, name, description]);
  }

  /** A new version with its content: three set-based inserts, whatever the size of the framework. */
  async insertVersion(
    organizationId: string,
    frameworkId: string,
    version: number,
    createdBy: string | null,
    content: FrameworkContent,
    tx: EntityManager,
  ): Promise<string> {
    const row = await selectOne<{ id: string }>(
      tx,
      `INSERT INTO framework_versions (organization_id, framework_id, version, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [organizationId, frameworkId, version, createdBy],
    );
    await this.writeContent(organizationId, row.id, content, tx);
    return row.id;
  }

  /** Replaces the questions of a version that no launched cycle uses yet. */
  async replaceContent(organizationId: string, versionId: string, content: FrameworkContent, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM questions WHERE organization_id = $1 AND framework_version_id = $2`, [organizationId, versionId]);
    await tx.query(`DELETE FROM behaviours WHERE organization_id = $1 AND framework_version_id = $2`, [organizationId, versionId]);
    await this.writeContent(organizationId, versionId, content, tx);
  }

  private async writeContent(organizationId: string, versionId: string, content: FrameworkContent, tx: EntityManager): Promise<void> {
    // Rating statements first, in behaviour order, then the open questions: `position` is the
    // order of the whole questionnaire.
    const questions = [
      ...content.behaviours.flatMap((b) =>
        b.statements.map((s) => ({ behaviourKey: b.key, key: s.key, text: s.text, hint: null as string | null, translations: s.translations ?? {} })),
      ),
      ...content.openQuestions.map((q) => ({ behaviourKey: null, key: q.key, text: q.text, hint: q.hint, translations: q.translations ?? {} })),
    ];
    await tx.query(
      `WITH b AS (
         INSERT INTO behaviours (organization_id, framework_version_id, key, name, description, kind, translations, position)
         SELECT $1, $2, x.key, x.name, x.description, x.kind, x.translations::jsonb, x.position
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $11::text[]) WITH ORDINALITY AS x(key, name, description, kind, translations, position)
         RETURNING id, key
       )
       INSERT INTO questions (organization_id, framework_version_id, behaviour_id, key, type, text, hint, translations, position)
       SELECT $1, $2, b.id, q.key, CASE WHEN q.behaviour_key IS NULL THEN 'open' ELSE 'rating' END, q.text, q.hint, q.translations::jsonb, q.position
         FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $12::text[]) WITH ORDINALITY AS q(behaviour_key, key, text, hint, translations, position)
         LEFT JOIN b ON b.key = q.behaviour_key`,
      [
        organizationId,
        versionId,
        content.behaviours.map((b) => b.key),
        content.behaviours.map((b) => b.name),
        content.behaviours.map((b) => b.description),
        content.behaviours.map((b) => b.kind),
        questions.map((q) => q.behaviourKey),
        questions.map((q) => q.key),
        questions.map((q) => q.text),
        questions.map((q) => q.hint),
        content.behaviours.map((b) => JSON.stringify(b.translations ?? {})),
        questions.map((q) => JSON.stringify(q.translations)),
      ],
    );
  }

  async list(organizationId: string): Promise<FrameworkSummaryDto[]> {
    const rows = await selectRows<FrameworkSummaryRow>(
      this.db,
      `SELECT f.id, f.name, f.description, f.created_at, v.id AS version_id, v.version,
              (SELECT count(*)::int FROM behaviours b WHERE b.organization_id = $1 AND b.framework_version_id = v.id) AS behaviour_count,
              (SELECT count(*)::int FROM questions q WHERE q.organization_id = $1 AND q.framework_version_id = v.id AND q.type = 'rating') AS statement_count,
              (SELECT count(*)::int FROM cycles c JOIN framework_versions cv ON cv.organization_id = c.organization_id AND cv.id = c.framework_version_id
                WHERE c.organization_id = $1 AND cv.framework_id = f.id) AS cycle_count
         FROM frameworks f
         JOIN LATERAL (SELECT id, version FROM framework_versions
                        WHERE organization_id = $1 AND framework_id = f.id ORDER BY version DESC LIMIT 1) v ON true
        WHERE f.organization_id = $1
        ORDER BY f.created_at, f.id`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      createdAt: iso(r.created_at),
      latestVersionId: r.version_id,
      latestVersion: r.version,
      behaviourCount: r.behaviour_count,
      statementCount: r.statement_count,
      cycleCount: r.cycle_count,
    }));
  }

  /** The framework row, locked `FOR UPDATE` when editing, `FOR SHARE` while a cycle launched on it freezes its version. */
  async findFramework(
    organizationId: string,
    id: string,
    tx?: EntityManager,
    lock?: 'update' | 'share',
  ): Promise<{ id: string; name: string; description: string; createdAt: string } | null> {
    const rows = await selectRows<FrameworkRow>(
      this.q(tx),
      `SELECT id, name, description, created_at FROM frameworks WHERE organization_id = $1 AND id = $2${lock ? ` FOR ${lock.toUpperCase()}` : ''}`,
      [organizationId, id],
    );
    return rows[0] ? { id: rows[0].id, name: rows[0].name, description: rows[0].description, createdAt: iso(rows[0].created_at) } : null;
  }

  async latestVersion(organizationId: string, frameworkId: string, tx?: EntityManager): Promise<{ id: string; version: number } | null> {
    const rows = await selectRows<{ id: string; version: number }>(
      this.q(tx),
      `SELECT id, version FROM framework_versions WHERE organization_id = $1 AND framework_id = $2 ORDER BY version DESC LIMIT 1`,
      [organizationId, frameworkId],
    );
    return rows[0] ?? null;
  }

  /** Whether a launched cycle has frozen this version; a draft cycle follows the latest version. */
  async isVersionInUse(organizationId: string, versionId: string, tx?: EntityManager): Promise<boolean> {
    const rows = await selectRows<object>(this.q(tx), `SELECT 1 FROM cycles WHERE organization_id = $1 AND framework_version_id = $2 AND ${LAUNCHED} LIMIT 1`, [
      organizationId,
      versionId,
    ]);
    return rows.length > 0;
  }

  async versions(organizationId: string, frameworkId: string, tx?: EntityManager): Promise<FrameworkVersionSummaryDto[]> {
    const rows = await selectRows<VersionSummaryRow>(
      this.q(tx),
      `SELECT v.id, v.version, v.created_at,
              (SELECT count(*)::int FROM cycles c WHERE c.organization_id = $1 AND c.framework_version_id = v.id) AS cycle_count
         FROM framework_versions v WHERE v.organization_id = $1 AND v.framework_id = $2 ORDER BY v.version DESC`,
      [organizationId, frameworkId],
    );
    return rows.map((r) => ({ id: r.id, version: r.version, createdAt: iso(r.created_at), cycleCount: r.cycle_count }));
  }

  async cycles(organizationId: string, frameworkId: string, tx?: EntityManager): Promise<FrameworkCycleDto[]> {
    const rows = await selectRows<FrameworkCycleRow>(
      this.q(tx),
      `SELECT c.id, c.name, c.state, c.framework_version_id, v.version
         FROM cycles c JOIN framework_versions v ON v.organization_id = c.organization_id AND v.id = c.framework_version_id
        WHERE c.organization_id = $1 AND v.framework_id = $2 ORDER BY c.created_at DESC, c.id`,
      [organizationId, frameworkId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, state: r.state, frameworkVersionId: r.framework_version_id, version: r.version }));
  }

  /** A version's questionnaire in order, or null when the organisation has no such version. */
  /**
   * A version's questionnaire: in the framework's own words (what the editor loads and saves), or,
   * given a `language`, each behaviour's, statement's and open question's words in it (localisedSql).
   */
  async loadVersion(organizationId: string, versionId: string, tx?: EntityManager, language: Language | null = null): Promise<FrameworkVersionDto | null> {
    const q = this.q(tx);
    const version = await selectFirst<VersionRow>(
      q,
      `SELECT v.id, v.framework_id, f.name AS framework_name, v.version, v.created_at
         FROM framework_versions v JOIN frameworks f ON f.organization_id = v.organization_id AND f.id = v.framework_id
        WHERE v.organization_id = $1 AND v.id = $2`,
      [organizationId, versionId],
    );
    if (!version) return null;
    const behaviourRows = await selectRows<BehaviourRow>(
      q,
      `SELECT b.id, b.key, ${localisedSql('b', 'name', '$3')} AS name, ${localisedSql('b', 'description', '$3')} AS description, b.kind, b.position, b.translations
         FROM behaviours b
        WHERE b.organization_id = $1 AND b.framework_version_id = $2 ORDER BY b.position, b.key`,
      [organizationId, versionId, language],
    );
    const questionRows = await selectRows<QuestionRow>(
      q,
      `SELECT q.id, q.behaviour_id, q.key, q.type, ${localisedSql('q', 'text', '$3')} AS text, ${localisedSql('q', 'hint', '$3')} AS hint, q.position, q.translations
         FROM questions q
        WHERE q.organization_id = $1 AND q.framework_version_id = $2 ORDER BY q.position, q.key`,
      [organizationId, versionId, language],
    );
    const behaviours: BehaviourDto[] = behaviourRows.map((b) => ({
      id: b.id,
      key: b.key,
      name: b.name,
      description: b.description,
      kind: b.kind,
      position: b.position,
      statements: [],
      translations: b.translations,
    }));
    const byId = new Map(behaviours.map((b) => [b.id, b]));
    const openQuestions: OpenQuestionDto[] = [];
    for (const row of questionRows) {
      if (row.type === 'rating') {
        const de = row.translations.de;
        byId.get(row.behaviour_id ?? '')?.statements.push({
          id: row.id,
          key: row.key,
          text: row.text,
          position: row.position,
          translations: de ? { de: { text: de.text } } : {},
        });
      } else openQuestions.push({ id: row.id, key: row.key, text: row.text, hint: row.hint, position: row.position, translations: row.translations });
    }
    return {
      id: version.id,
      frameworkId: version.framework_id,
      frameworkName: version.framework_name,
      version: version.version,
      createdAt: iso(version.created_at),
      scale: scaleDto(),
      behaviours,
      openQuestions,
    };
  }
}
