import type { ReactNode } from 'react';
import { initials } from '@/lib/format';
import type { FeedbackPerson } from '../api/get-subject-requests';

/** A person as a row head: initials, name, and title · department underneath. */
export function PersonLine({ person, nameAs, extra }: { person: FeedbackPerson; nameAs?: 'h3' | 'p'; extra?: ReactNode }) {
  const Name = nameAs ?? 'p';
  const meta = [person.title, person.department].filter(Boolean).join(' · ');
  return (
    <div className="person-line">
      <span className="avatar" aria-hidden="true">
        {initials(person.name)}
      </span>
      <div className="person-line__text">
        <Name className="person-line__name" tabIndex={-1}>
          {person.name}
        </Name>
        {meta && <p className="person-line__meta">{meta}</p>}
        {extra}
      </div>
    </div>
  );
}
