import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { Field } from '@/components/ui';
import { useDebouncedValue } from '@/lib/use-debounced-value';
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
  /** The field's label (default "Manager"). */
  label?: string;
  hint?: string;
}

/**
 * A search-as-you-type combobox (WAI-ARIA combobox pattern with a listbox popup): arrows move,
 * Enter picks, Escape closes; emptying the box means "no manager".
 */
export function ManagerPicker({ value, onChange, excludeId, error, label = 'Manager', hint }: ManagerPickerProps) {
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const search = useDebouncedValue(text.trim(), 200);
  const people = useListPeople({ search, limit: 8 }, { enabled: open && search.length > 0 });
  const options = (people.data?.items ?? []).filter((p) => p.id !== excludeId);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- the box shows the chosen manager whenever the parent changes it
  useEffect(() => setText(value?.name ?? ''), [value?.id, value?.name]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- new search results start with no option highlighted
  useEffect(() => setActive(-1), [search]);

  const choose = (choice: ManagerChoice | null) => {
    onChange(choice);
    setText(choice?.name ?? '');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault(); // picking a manager must not submit the form
      const option = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (option) choose({ id: option.id, name: option.name });
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(value?.name ?? '');
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (!text.trim()) {
      if (value) onChange(null);
    } else {
      setText(value?.name ?? '');
    }
  };

  const showList = open && search.length > 0;
  const activeId = showList && options[active] ? `${listId}-${options[active].id}` : undefined;

  return (
    <Field
      label={label}
      error={error}
      hint={hint ?? (value ? 'Type another name to change it, or clear the box for no manager.' : 'Type a name to search. Leave empty for no manager.')}
    >
      {(control) => (
        <div className="combobox">
          <div className="combobox__control">
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
              placeholder="No manager"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setOpen(true);
              }}
              onFocus={() => text && text !== value?.name && setOpen(true)}
              onKeyDown={onKeyDown}
              onBlur={onBlur}
            />
            {value && (
              <button type="button" className="combobox__clear" onClick={() => choose(null)}>
                <span aria-hidden="true">✕</span>
                <span className="visually-hidden">Remove manager {value.name}</span>
              </button>
            )}
          </div>
          {showList && options.length === 0 && (
            <p className="combobox__list combobox__empty" role="status">
              {people.isFetching ? 'Searching…' : `Nobody matches “${search}”`}
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
                // Keep focus in the input so its blur does not close the list before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose({ id: p.id, name: p.name })}
              >
                <span className="combobox__name">{p.name}</span>
                <span className="combobox__meta">{[p.title, p.department].filter(Boolean).join(' · ') || (isFullPerson(p) ? p.email : '')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
