import type { INestApplicationContext } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { isTimeZone } from '@lib/common';
import { InvitationService } from '@lib/identity';
import { OrganizationProvisioningService } from '@lib/organizations';
import type { ParsedArgs } from './cli-args';

export class UsageError extends Error {}

export interface OrgCreateInput {
  name: string;
  adminEmail: string;
  adminName: string;
  timeZone: string;
}

/** The options of org:create, checked as the API checks its bodies: every problem named at once. */
export function orgCreateInput(args: ParsedArgs): OrgCreateInput {
  const problems: string[] = [];
  const text = (option: string, max: number): string => {
    const value = args.options.get(option)?.trim() ?? '';
    if (!value) problems.push(`--${option} is required`);
    else if (value.length > max) problems.push(`--${option} must be at most ${max} characters`);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    else if (/[\u0000-\u001f\u007f]/.test(value)) problems.push(`--${option} must not contain control characters`);
    return value;
  };
  const name = text('name', 200);
  const adminName = text('admin-name', 200);
  const adminEmail = text('admin-email', 254).toLowerCase();
  if (adminEmail && !isEmail(adminEmail)) problems.push('--admin-email must be a valid email address');
  const timeZone = args.options.get('time-zone')?.trim() || 'UTC';
  if (!isTimeZone(timeZone)) problems.push('--time-zone must be a time zone name such as Europe/Paris');
  if (problems.length) throw new UsageError(problems.join('\n'));
  return { name, adminEmail, adminName, timeZone };
}

/**
 * org:create — the organisation, its default framework and its first HR admin in one transaction
 * (the same provisioning as the first-run set-up), then the admin's invitation through the same
 * mail service as the server's: SMTP, or the outbox.
 */
export async function orgCreate(app: INestApplicationContext, input: OrgCreateInput, out: (line: string) => void): Promise<void> {
  const provisioning = app.get(OrganizationProvisioningService);
  const created = await app
    .get(DataSource)
    .transaction((tx) =>
      provisioning.create({ name: input.name, timeZone: input.timeZone, admin: { name: input.adminName, email: input.adminEmail, passwordHash: null } }, tx),
    );
  out(`Created organisation "${input.name}" (slug ${created.slug}, id ${created.organizationId}, time zone ${input.timeZone}) with the default framework`);
  out(`First HR admin: ${input.adminName} <${input.adminEmail}>`);
  const invitation = await app.get(InvitationService).inviteAsOperator(created.organizationId, created.adminId);
  if (invitation.outboxLink) {
    out(`SMTP_URL is not set: the invitation mail is in the outbox, which nobody can read before this admin signs in.`);
    out(`Give ${invitation.sentTo} this link (it works once, until ${invitation.expiresAt}): ${invitation.outboxLink}`);
  } else {
    out(`Invitation mailed to ${invitation.sentTo} (the link works once, until ${invitation.expiresAt})`);
  }
}

/** org:list — every organisation of this instance, oldest first. */
export async function orgList(app: INestApplicationContext, json: boolean, out: (line: string) => void): Promise<void> {
  const organizations = await app.get(OrganizationProvisioningService).list();
  if (json) {
    out(JSON.stringify(organizations, null, 2));
    return;
  }
  if (!organizations.length) {
    out('No organisations yet. Create one with: npm run ripple -- org:create --name "…" --admin-email … --admin-name "…"');
    return;
  }
  const rows = [
    ['NAME', 'SLUG', 'PEOPLE', 'HR ADMINS', 'CREATED', 'ID'],
    ...organizations.map((o) => [o.name, o.slug, String(o.people), String(o.admins), o.createdAt.slice(0, 10), o.id]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => r[column].length)));
  for (const row of rows)
    out(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
}
