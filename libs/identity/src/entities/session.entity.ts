import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from './person.entity';

/** A signed-in session: the cookie holds a random token, this row its hash (SessionService). */
@Entity({ name: 'sessions' })
@Unique('sessions_organization_id_token_hash_uq', ['organizationId', 'tokenHash'])
@Index('sessions_organization_id_person_id_idx', ['organizationId', 'personId'])
@ForeignKey(() => PersonEntity, ['organizationId', 'personId'], ['organizationId', 'id'], {
  name: 'sessions_organization_id_person_id_fk',
  onDelete: 'CASCADE',
})
export class SessionEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'sessions_organization_id_id_pk' })
  organizationId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sessions_organization_id_id_pk' })
  id: string;

  @Column('uuid')
  personId: string;

  @Column('bytea')
  tokenHash: Buffer;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('text', { nullable: true })
  userAgent: string | null;
}
