import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@lib/common';

/** Keyed (organization_id, id), like every tenant table: the organisation leads (README, "Scale"). */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn('uuid')
  organizationId: string;

  @PrimaryGeneratedColumn('uuid')
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

  @Column('text')
  role: Role;

  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  @Column('boolean')
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
