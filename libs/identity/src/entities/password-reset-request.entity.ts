import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One request for a reset link, counted by its rate limits. Global: asked by address, before any organisation is known. */
@Entity({ name: 'password_reset_requests' })
@Index('password_reset_requests_email_created_at_idx', ['email', 'createdAt'])
@Index('password_reset_requests_ip_created_at_idx', ['ip', 'createdAt'])
export class PasswordResetRequestEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'password_reset_requests_id_pk' })
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  ip: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
