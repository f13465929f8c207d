import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in attempt, counted by the login rate limits (LoginThrottleService). Global: an address may exist in several organisations. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_created_at_idx', ['email', 'createdAt'])
@Index('login_attempts_ip_created_at_idx', ['ip', 'createdAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'login_attempts_id_pk' })
  id: string;

  /** The organisation of the account tried, when one matched. */
  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column('text')
  email: string;

  @Column('text')
  ip: string;

  @Column('boolean')
  succeeded: boolean;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
