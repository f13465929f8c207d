import { useState } from 'react';
import { PeopleCombobox } from '@/components/ui';
import { useT } from '@/i18n';
import { isFullPerson, useListPeople } from '../api/list-people';

export interface ManagerChoice {
  id: string;
  name: string;
}

interface ManagerPickerProps {
  value: ManagerChoice | null;
  onChange: (value: ManagerChoice | null) => void;
  /** The person being edited: nobody manages themself. */
  excludeId?: string;
  error?: string | null;
  /** The field's label (default: the catalogue's "Manager"). */
  label?: string;
  hint?: string;
}

/** One person, found by searching the directory; emptying the box means "no manager". */
export function ManagerPicker({ value, onChange, excludeId, error, label, hint }: ManagerPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const people = useListPeople({ search, limit: 8 }, { enabled: search.length > 0 });
  const options = (people.data?.items ?? [])
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') || (isFullPerson(p) ? p.email : '') }));
  return (
    <PeopleCombobox
      label={label ?? t('people.manager.label')}
      hint={hint ?? (value ? t('people.manager.hintChange') : t('people.manager.hintEmpty'))}
      placeholder={t('people.manager.none')}
      error={error}
      value={value}
      onChange={(chosen) => onChange(chosen && { id: chosen.id, name: chosen.name })}
      clearLabel={(chosen) => t('people.manager.remove', { name: chosen.name })}
      onSearch={setSearch}
      options={options}
      searching={people.isFetching}
    />
  );
}
