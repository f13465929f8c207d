import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, SelectField, TextField } from '@/components/ui';
import type { ApiError } from '@/api/client';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, useT } from '@/i18n';
import type { Role } from '@/lib/auth';
import { useDepartments } from '../api/list-departments';
import type { Person } from '../api/list-people';
import { ManagerPicker, type ManagerChoice } from './ManagerPicker';

export interface PersonFormValues {
  name: string;
  email: string;
  title: string | null;
  department: string | null;
  managerId: string | null;
  role: Role;
  /** The person's own language; null: the organisation's. */
  language: Person['languageChoice'];
}

interface PersonFormProps {
  person?: Person;
  submitLabel: string;
  submittingLabel: string;
  onSubmit: (values: PersonFormValues) => void;
  submitting: boolean;
  error: ApiError | null;
  secondaryAction?: ReactNode;
}

const FIELDS_WITH_CONTROLS = new Set(['name', 'email', 'title', 'department', 'managerId', 'role', 'language']);

/** Add or edit a person. Field errors from the API appear beside their field; the rest above the form. */
export function PersonForm({ person, submitLabel, submittingLabel, onSubmit, submitting, error, secondaryAction }: PersonFormProps) {
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [department, setDepartment] = useState(person?.department ?? '');
  const t = useT();
  const [manager, setManager] = useState<ManagerChoice | null>(
    person?.managerId ? { id: person.managerId, name: person.managerName ?? t('people.form.unknownManager') } : null,
  );
  const [role, setRole] = useState<Role>(person?.role ?? 'member');
  const [language, setLanguage] = useState<Person['languageChoice']>(person?.languageChoice ?? null);
  const departments = useDepartments();
  const departmentListId = useId();
  const roleName = useId();

  const fieldErrors = error?.fieldErrors() ?? {};
  const unplaced = error && !Object.keys(fieldErrors).some((f) => FIELDS_WITH_CONTROLS.has(f));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      name: name.trim(),
      email: email.trim(),
      title: title.trim() || null,
      department: department.trim() || null,
      managerId: manager?.id ?? null,
      role,
      language,
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {error && (
        <Alert tone="danger" title={unplaced ? t('people.form.couldNotSave') : t('people.form.correctFields')}>
          {error.message}
        </Alert>
      )}
      <div className="form__grid">
        <TextField
          label={t('people.form.name')}
          name="name"
          autoComplete="off"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors.name}
        />
        <TextField
          label={t('people.form.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
          // The address of someone with a login is their account: only they change it (from their Account page).
          readOnly={person?.hasLogin === true}
          hint={person?.hasLogin ? t('people.form.emailOwned', { name: person.name }) : undefined}
        />
        <TextField
          label={t('person.title')}
          labelNote={t('people.form.optional')}
          name="title"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
        />
        <TextField
          label={t('person.department')}
          labelNote={t('people.form.optional')}
          name="department"
          maxLength={200}
          list={departmentListId}
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          error={fieldErrors.department}
          hint={t('people.form.departmentHint')}
        />
        <datalist id={departmentListId}>
          {(departments.data ?? []).map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </div>
      <ManagerPicker value={manager} onChange={setManager} excludeId={person?.id} error={fieldErrors.managerId} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('people.form.role')}</legend>
        <div className="segmented">
          {(
            [
              ['member', t('people.role.member'), t('people.role.memberText')],
              ['admin', t('people.role.admin'), t('people.role.adminText')],
            ] as const
          ).map(([value, label, text]) => (
            <label key={value} className={`segmented__option${role === value ? ' is-checked' : ''}`}>
              <input type="radio" name={roleName} value={value} checked={role === value} onChange={() => setRole(value)} />
              <span className="segmented__label">{label}</span>
              <span className="segmented__text">{text}</span>
            </label>
          ))}
        </div>
        {fieldErrors.role && (
          <p className="field__error">
            <span aria-hidden="true">⚠ </span>
            {fieldErrors.role}
          </p>
        )}
      </fieldset>
      <SelectField
        label={t('people.form.language')}
        name="language"
        value={language ?? ''}
        onChange={(e) => setLanguage(isLanguage(e.target.value) ? e.target.value : null)}
        error={fieldErrors.language}
        hint={t('people.form.languageHint')}
      >
        <option value="">{t('people.form.languageOrganisation')}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <Button type="submit" loading={submitting} loadingText={submittingLabel}>
          {submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
