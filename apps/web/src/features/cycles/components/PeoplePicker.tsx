import { useState } from 'react';
import { PeopleCombobox, type PersonChoice } from '@/components/ui';
import { detailOf, useSearchPeople } from '../api/search-people';
import { useT } from '@/i18n';

export type PickedPerson = Required<PersonChoice>;

interface PeoplePickerProps {
  value: PickedPerson[];
  onChange: (value: PickedPerson[]) => void;
  error?: string | null;
}

/** Subjects to add, by searching the organisation's people: several at once, listed below the box. */
export function PeoplePicker({ value, onChange, error }: PeoplePickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const people = useSearchPeople(search, true);
  return (
    <PeopleCombobox
      multiple
      label={t('cycles.picker.label')}
      hint={t('cycles.picker.hint')}
      placeholder={t('cycles.picker.placeholder')}
      error={error}
      value={value}
      onChange={(chosen) => onChange(chosen.map((p) => ({ id: p.id, name: p.name, detail: p.detail ?? '' })))}
      onSearch={setSearch}
      options={(people.data?.items ?? []).map((p) => ({ id: p.id, name: p.name, detail: detailOf(p) }))}
      searching={people.isFetching}
    />
  );
}
