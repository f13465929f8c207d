import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from './person.entity';

/** A password reset link, stored as the hash of its token (PasswordResetsRepository). */
@Entity({ name: 'password_reset_tokens' })
@Unique('password_reset_tokens_organization_id_token_hash_uq', ['organizationId', 'tokenHash'])
@Index('password_reset_tokens_organization_id_person_id_idx', ['organizationId', 'personId'], { where: 'used_at IS NULL' })
@ForeignKey(() => PersonEntity, ['organizationId', 'personId'], ['organizationId', 'id'], {
  name: 'password_reset_tokens_organization_id_person_id_fk',
  onDelete: 'CASCADE',
})
export class PasswordResetTokenEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'password_reset_tokens_organization_id_id_pk' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'password_reset_tokens_organization_id_id_pk' })
  id: string;

  @Column('uuid')
  personId: string;

  @Column('bytea')
  tokenHash: Buffer;

  @Column('text', { nullable: true })
  requestedIp: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
