import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Language } from '@lib/common';

/**
 * The tenants themselves: a global table (a reference table on Citus), keyed by id (README, "Scale").
 * Mirrors the migrations column for column, key for key (tests/e2e/entities-schema.e2e-spec.ts).
 */
@Entity({ name: 'organizations' })
@Unique('organizations_slug_uq', ['slug'])
@Check('organizations_anonymity_threshold_ck', 'anonymity_threshold >= 3 AND anonymity_threshold <= 10')
@Check('organizations_language_ck', `language IN ('en', 'de')`)
@Check('organizations_mail_sender_name_ck', 'mail_sender_name IS NULL OR (length(mail_sender_name) >= 1 AND length(mail_sender_name) <= 100)')
@Check('organizations_name_ck', 'length(name) >= 1 AND length(name) <= 200')
@Check('organizations_time_zone_ck', 'length(time_zone) >= 1 AND length(time_zone) <= 64')
@Check('organizations_self_request_min_raters_ck', 'self_request_min_raters >= 3 AND self_request_min_raters <= 20')
@Check('organizations_self_request_max_behaviours_ck', 'self_request_max_behaviours >= 1 AND self_request_max_behaviours <= 10')
@Check('organizations_rater_open_request_cap_ck', 'rater_open_request_cap >= 1 AND rater_open_request_cap <= 50')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organizations_id_pk' })
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  slug: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('integer', { default: 3 })
  anonymityThreshold: number;

  /** Null only for an organisation that has no framework yet. */
  @Column('uuid', { nullable: true })
  defaultFrameworkId: string | null;

  @Column('text', { nullable: true })
  mailSenderName: string | null;

  @Column('text', { default: 'UTC' })
  timeZone: string;

  @Column('boolean', { default: true })
  selfRequestsEnabled: boolean;

  @Column('integer', { default: 3 })
  selfRequestMinRaters: number;

  @Column('integer', { default: 3 })
  selfRequestMaxBehaviours: number;

  @Column('integer', { default: 6 })
  raterOpenRequestCap: number;

  /** The language of people who have not picked their own. */
  @Column('text', { default: 'en' })
  language: Language;
}
