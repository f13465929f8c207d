import { useState } from 'react';
import { API_LIMITS } from '@/api/limits';
import { PeopleCombobox, type PersonChoice } from '@/components/ui';
import { useSearchColleagues } from '../api/search-colleagues';
import { useT } from '@/i18n';

const MAX = API_LIMITS.SubmitDto.colleaguesNamed.maxItems;

/**
 * The optional last question: whom the rater turns to outside their reporting line. Sent with the
 * submission only; a person's report shows how many named them (at least k), never who.
 */
export function FollowershipQuestion({ value, onChange, excludeId }: { value: PersonChoice[]; onChange: (value: PersonChoice[]) => void; excludeId: string }) {
  const [search, setSearch] = useState('');
  const people = useSearchColleagues(search);
  const t = useT();
  return (
    <section className="behaviour comments" aria-labelledby="followership-heading">
      <header className="behaviour__header">
        <h2 className="behaviour__name" id="followership-heading">
          {t('followership.title')}
        </h2>
        <p className="behaviour__description">{t('followership.text', { max: MAX })}</p>
      </header>
      <PeopleCombobox
        multiple
        label={t('followership.label')}
        hint={value.length >= MAX ? t('followership.full', { max: MAX }) : t('followership.hint')}
        placeholder={value.length >= MAX ? '' : t('followership.placeholder')}
        value={value}
        onChange={(chosen) => onChange(chosen.slice(0, MAX))}
        onSearch={setSearch}
        options={
          value.length >= MAX
            ? []
            : (people.data?.items ?? [])
                .filter((p) => p.id !== excludeId)
                .map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') }))
        }
        searching={people.isFetching}
      />
    </section>
  );
}
