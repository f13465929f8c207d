import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language, Role } from '@lib/common';

/**
 * Keyed (organization_id, id), like every tenant table: the organisation leads (README, "Scale").
 * Mirrors the migrations column for column, key for key (tests/e2e/entities-schema.e2e-spec.ts).
 * The organisation is named by its table: its entity belongs to the organizations library, above this one.
 */
@Entity({ name: 'people' })
@Index('people_organization_id_email_uq', ['organizationId', 'email'], { unique: true })
@Index('people_email_idx', ['email'], { where: 'password_hash IS NOT NULL' })
@Index('people_organization_id_deactivated_at_idx', ['organizationId', 'deactivatedAt'], { where: 'deactivated_at IS NOT NULL' })
@Index('people_organization_id_department_idx', ['organizationId', 'department'])
@Index('people_organization_id_manager_id_idx', ['organizationId', 'managerId'])
@Check('people_language_ck', `language IS NULL OR language IN ('en', 'de')`)
@Check('people_email_ck', 'email = lower(email) AND length(email) >= 3 AND length(email) <= 254')
@Check('people_manager_id_ck', 'manager_id IS NULL OR manager_id <> id')
@Check('people_role_ck', `role IN ('admin', 'member')`)
@ForeignKey(() => PersonEntity, ['organizationId', 'managerId'], ['organizationId', 'id'], { name: 'people_organization_id_manager_id_fk' })
export class PersonEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'people_organization_id_id_pk' })
  @ForeignKey('organizations', { name: 'people_organization_id_fk', onDelete: 'CASCADE' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'people_organization_id_id_pk' })
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('uuid', { nullable: true })
  managerId: string | null;

  @Column('text', { default: 'member' })
  role: Role;

  /** Never read by default: ask for it by name where a password is checked. */
  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** When the person left; null while they are active. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  /** The person's own language; null: their organisation's. */
  @Column('text', { nullable: true })
  language: Language | null;
}
