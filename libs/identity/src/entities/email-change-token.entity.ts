import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from './person.entity';

/** A link that moves a person to a new sign-in address, stored as the hash of its token (EmailChangesRepository). */
@Entity({ name: 'email_change_tokens' })
@Unique('email_change_tokens_organization_id_token_hash_uq', ['organizationId', 'tokenHash'])
@Index('email_change_tokens_organization_id_person_id_idx', ['organizationId', 'personId'], { where: 'used_at IS NULL' })
@Check('email_change_tokens_new_email_ck', 'length(new_email) <= 254')
@ForeignKey(() => PersonEntity, ['organizationId', 'personId'], ['organizationId', 'id'], {
  name: 'email_change_tokens_organization_id_person_id_fk',
  onDelete: 'CASCADE',
})
export class EmailChangeTokenEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'email_change_tokens_organization_id_id_pk' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_change_tokens_organization_id_id_pk' })
  id: string;

  @Column('uuid')
  personId: string;

  @Column('text')
  newEmail: string;

  @Column('bytea')
  tokenHash: Buffer;

  @Column('text', { nullable: true })
  requestedIp: string | null;

  /** The session that asked: it stays signed in when the address changes, every other one ends. */
  @Column('uuid', { nullable: true })
  requestedSessionId: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
