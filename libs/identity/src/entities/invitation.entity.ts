import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from './person.entity';

/** A link that lets a person without a login choose their first password (InvitationService). */
@Entity({ name: 'invitations' })
@Unique('invitations_organization_id_token_hash_uq', ['organizationId', 'tokenHash'])
@Index('invitations_organization_id_person_id_idx', ['organizationId', 'personId'])
@ForeignKey(() => PersonEntity, ['organizationId', 'personId'], ['organizationId', 'id'], {
  name: 'invitations_organization_id_person_id_fk',
  onDelete: 'CASCADE',
})
export class InvitationEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'invitations_organization_id_id_pk' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invitations_organization_id_id_pk' })
  id: string;

  @Column('uuid')
  personId: string;

  @Column('bytea')
  tokenHash: Buffer;

  /** Null when the operator's command line invited. */
  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
