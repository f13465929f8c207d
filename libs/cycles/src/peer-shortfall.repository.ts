import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { selectRows } from '@lib/database';
import { ACTIVE_REQUEST_STATES } from './domain';

/** A subject of the cycle with fewer peers than the target. */
export interface ShortOfPeersRow {
  subjectId: string;
  name: string;
  email: string;
  department: string | null;
  /** Peers as countedPeers counts them: live peer requests in any state of progress. */
  peers: number;
  addedAt: Date;
  /** The subject's language (their own, else the organisation's). */
  language: Language;
}

interface Row {
  person_id: string;
  name: string;
  email: string;
  department: string | null;
  peers: number;
  added_at: Date;
  language: string | null;
  organization_language: string;
}

/** Every query takes the organisation first. */
@Injectable()
export class PeerShortfallRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The cycle's active subjects with fewer than `target` peers (peerTarget), by name, in one
   * grouped query. Peers are counted as countedPeers does (ACTIVE_REQUEST_STATES), so the count
   * never depends on whether anyone has answered. A subject who has left is not listed: nobody
   * asks peers for them.
   */
  async shortOfPeers(organizationId: string, cycleId: string, target: number): Promise<ShortOfPeersRow[]> {
    if (target <= 0) return [];
    const rows = await selectRows<Row>(
      this.db,
      `SELECT cs.person_id, p.name, p.email, cs.department, cs.added_at, p.language, o.language AS organization_language,
              count(fr.id) FILTER (WHERE fr.relationship = 'peer' AND fr.state = ANY($3::text[]))::int AS peers
         FROM cycle_subjects cs
         JOIN organizations o ON o.id = cs.organization_id
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id AND p.active
         LEFT JOIN feedback_requests fr ON fr.organization_id = cs.organization_id AND fr.cycle_id = cs.cycle_id AND fr.subject_id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL
        GROUP BY cs.person_id, p.name, p.email, cs.department, cs.added_at, p.language, o.language
       HAVING count(fr.id) FILTER (WHERE fr.relationship = 'peer' AND fr.state = ANY($3::text[])) < $4
        ORDER BY p.name, cs.person_id`,
      [organizationId, cycleId, [...ACTIVE_REQUEST_STATES], target],
    );
    return rows.map((r) => ({
      subjectId: r.person_id,
      name: r.name,
      email: r.email,
      department: r.department ?? null,
      peers: r.peers,
      addedAt: new Date(r.added_at),
      language: effectiveLanguage(r.language, r.organization_language),
    }));
  }
}
