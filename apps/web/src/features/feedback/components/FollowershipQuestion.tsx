import { useState } from 'react';
import { API_LIMITS } from '@/api/limits';
import { PeopleCombobox, type PersonChoice } from '@/components/ui';
import { useSearchColleagues } from '../api/search-colleagues';

const MAX = API_LIMITS.SubmitDto.colleaguesNamed.maxItems;

/**
 * The optional last question: whom the rater turns to outside their reporting line. Sent with the
 * submission only; a person's report shows how many named them (at least k), never who.
 */
export function FollowershipQuestion({ value, onChange, excludeId }: { value: PersonChoice[]; onChange: (value: PersonChoice[]) => void; excludeId: string }) {
  const [search, setSearch] = useState('');
  const people = useSearchColleagues(search);
  return (
    <section className="behaviour comments" aria-labelledby="followership-heading">
      <header className="behaviour__header">
        <h2 className="behaviour__name" id="followership-heading">
          One more question (optional)
        </h2>
        <p className="behaviour__description">
          Outside your reporting line, whom do you turn to for advice or support? Name up to {MAX} colleagues — not your manager or your direct reports. Nobody
          ever sees who named whom: a person only learns how many colleagues named them, and only when enough did.
        </p>
      </header>
      <PeopleCombobox
        multiple
        label="Colleagues you turn to"
        hint={value.length >= MAX ? `That is ${MAX}: remove one to name someone else.` : 'Type a name, then pick from the list.'}
        placeholder={value.length >= MAX ? '' : 'Search colleagues'}
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
