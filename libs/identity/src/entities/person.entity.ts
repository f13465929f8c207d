import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@lib/common';

@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

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
