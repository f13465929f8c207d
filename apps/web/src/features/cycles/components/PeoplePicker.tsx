import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { Field } from '@/components/ui';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { detailOf, useSearchPeople, type PersonOption } from '../api/search-people';

export interface PickedPerson {
  id: string;
  name: string;
  detail: string;
}

interface PeoplePickerProps {
  value: PickedPerson[];
  onChange: (value: PickedPerson[]) => void;
  error?: string | null;
}

/**
 * Pick several people by searching (WAI-ARIA combobox with a listbox): arrows move, Enter adds,
 * Escape closes. The chosen people are listed below as chips, each with its own remove button.
 */
export function PeoplePicker({ value, onChange, error }: PeoplePickerProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const search = useDebouncedValue(text.trim(), 200);
  const people = useSearchPeople(search, open);
  const chosen = new Set(value.map((p) => p.id));
  const options = (people.data?.items ?? []).filter((p) => !chosen.has(p.id));

  // eslint-disable-next-line react-hooks/set-state-in-effect -- new search results start with no option highlighted
  useEffect(() => setActive(-1), [search]);

  const add = (p: PersonOption) => {
    onChange([...value, { id: p.id, name: p.name, detail: detailOf(p) }]);
    setText('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault(); // adding a person must not submit the form
      const option = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (option) add(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const showList = open && search.length > 0;
  const activeId = showList && options[active] ? `${listId}-${options[active].id}` : undefined;

  return (
    <div className="cy-picker">
      <Field label="People" error={error} hint="Type a name, email or department, then pick from the list. Add as many as you like.">
        {(control) => (
          <div className="combobox">
            <input
              {...control}
              className="input"
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={showList && options.length > 0}
              aria-controls={listId}
              aria-activedescendant={activeId}
              placeholder="Search people"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setOpen(true);
              }}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
              onKeyDown={onKeyDown}
            />
            {showList && options.length === 0 && (
              <p className="combobox__list combobox__empty" role="status">
                {people.isFetching ? 'Searching…' : `Nobody else matches “${search}”`}
              </p>
            )}
            <ul id={listId} role="listbox" aria-label="Matching people" className="combobox__list" hidden={!showList || options.length === 0}>
              {options.map((p, i) => (
                <li
                  key={p.id}
                  id={`${listId}-${p.id}`}
                  role="option"
                  aria-selected={i === active}
                  className={`combobox__option${i === active ? ' is-active' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => add(p)}
                >
                  <span className="combobox__name">{p.name}</span>
                  <span className="combobox__meta">{detailOf(p)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      {value.length > 0 && (
        <ul className="cy-chips" aria-label="Chosen people">
          {value.map((p) => (
            <li key={p.id} className="cy-chip">
              <span className="cy-chip__name">{p.name}</span>
              <span className="cy-chip__detail">{p.detail}</span>
              <button type="button" className="cy-chip__remove" onClick={() => onChange(value.filter((x) => x.id !== p.id))}>
                <span aria-hidden="true">✕</span>
                <span className="visually-hidden">Remove {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
