import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { tr, useT } from '@/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { Field } from './Field';

/** A person as a picker shows them: the name, and a line under it (title · department, or email). */
export interface PersonChoice {
  id: string;
  name: string;
  detail?: string;
}

interface CommonProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  placeholder?: string;
  /**
   * Called with what the person typed, trimmed, once they stop typing ('' while the list is
   * closed): the caller searches and passes the matches back as `options`.
   */
  onSearch: (search: string) => void;
  /** The people matching the last search, best first. */
  options: PersonChoice[];
  /** The search is still running (the list says "Searching…" rather than "nobody"). */
  searching: boolean;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value: PersonChoice | null;
  /** `null`: the box was emptied (or its clear button pressed). */
  onChange: (value: PersonChoice | null) => void;
  /** The clear button's accessible name, e.g. "Remove manager Vera". */
  clearLabel?: (chosen: PersonChoice) => string;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value: PersonChoice[];
  onChange: (value: PersonChoice[]) => void;
  /** The accessible name of the list of chosen people. */
  chosenLabel?: string;
}

export type PeopleComboboxProps = SingleProps | MultipleProps;

const SEARCH_DELAY_MS = 200;

/** What a screen reader hears when the list changes: how many matched, or that nobody did. */
function resultText(count: number, search: string, searching: boolean, multiple: boolean): string {
  if (count > 0) return tr('ui.combobox.found', { count });
  if (searching) return tr('ui.combobox.searching');
  return multiple ? tr('ui.combobox.nobodyElse', { search }) : tr('ui.combobox.nobody', { search });
}

/**
 * Search for people and pick one (`value`) or several (`multiple`): the WAI-ARIA combobox
 * pattern with a listbox popup. The input keeps focus; Down and Up move through the matches
 * (Alt+Down just opens the list), Home and End jump to the first and last, Enter picks, Escape
 * closes the list (with several, when it is closed, empties the box). The number of matches is announced.
 * One person: the box shows their name; emptying it means "nobody". Several: the chosen people
 * are listed below, each with a remove button.
 */
export function PeopleCombobox(props: PeopleComboboxProps) {
  const t = useT();
  const { label, hint, error, placeholder, onSearch, searching } = props;
  const single = props.multiple ? null : props;
  const chosenName = single?.value?.name ?? '';
  const [text, setText] = useState(chosenName);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const statusId = useId();
  const typed = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const search = open ? typed : '';
  const chosenIds = new Set(props.multiple ? props.value.map((p) => p.id) : []);
  const options = props.options.filter((p) => !chosenIds.has(p.id));

  useEffect(() => onSearch(search), [onSearch, search]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the box shows the chosen person whenever the parent changes them
  useEffect(() => setText(chosenName), [chosenName, single?.value?.id]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- new search results start with no option highlighted
  useEffect(() => setActive(-1), [search]);

  const showList = open && search.length > 0;
  const listed = showList ? options : [];
  const activeOption = listed[active];

  const pick = (person: PersonChoice) => {
    if (props.multiple) {
      props.onChange([...props.value, person]);
      setText('');
    } else {
      props.onChange(person);
      setText(person.name);
      setOpen(false);
    }
    setActive(-1);
  };

  const clearSingle = () => {
    if (!props.multiple) {
      props.onChange(null);
      setText('');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = listed.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (!event.altKey && last >= 0) setActive((i) => (i >= last ? 0 : i + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (last >= 0) setActive((i) => (i <= 0 ? last : i - 1));
        break;
      case 'Home':
      case 'End':
        // With the list showing, they move through it; otherwise they move the text cursor.
        if (last >= 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : last);
        }
        break;
      case 'Enter': {
        // Picking someone must never submit the surrounding form.
        if (props.multiple || showList) event.preventDefault();
        const option = activeOption ?? (listed.length === 1 ? listed[0] : undefined);
        if (option) pick(option);
        break;
      }
      case 'Escape':
        if (showList) {
          event.preventDefault();
          setOpen(false);
          if (single) setText(chosenName);
        } else if (props.multiple && text) {
          event.preventDefault();
          setText('');
        }
        break;
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (!single) return;
    if (!text.trim()) {
      if (single.value) clearSingle();
    } else {
      setText(chosenName);
    }
  };

  const status = showList ? resultText(listed.length, search, searching, !!props.multiple) : '';

  return (
    <div className={props.multiple ? 'combobox-field' : undefined}>
      <Field label={label} error={error} hint={hint}>
        {(control) => (
          <div className="combobox">
            <div className={single ? 'combobox__control' : undefined}>
              <input
                {...control}
                className="input"
                type="text"
                role="combobox"
                autoComplete="off"
                aria-autocomplete="list"
                aria-expanded={listed.length > 0}
                aria-controls={listId}
                aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
                placeholder={placeholder}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setOpen(true);
                }}
                onFocus={() => (props.multiple || (text && text !== chosenName)) && setOpen(true)}
                onBlur={onBlur}
                onKeyDown={onKeyDown}
              />
              {single?.value && (
                <button type="button" className="combobox__clear" onClick={clearSingle}>
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">{single.clearLabel?.(single.value) ?? `Remove ${single.value.name}`}</span>
                </button>
              )}
            </div>
            {/* Always in the page, so a change of its text is announced. */}
            <p id={statusId} className="visually-hidden" role="status" aria-live="polite">
              {status}
            </p>
            {showList && listed.length === 0 && (
              <p className="combobox__list combobox__empty" aria-hidden="true">
                {status}
              </p>
            )}
            <ul id={listId} role="listbox" aria-label={t('ui.combobox.matching')} className="combobox__list" hidden={listed.length === 0}>
              {listed.map((p, i) => (
                <li
                  key={p.id}
                  id={`${listId}-${p.id}`}
                  role="option"
                  aria-selected={i === active}
                  className={`combobox__option${i === active ? ' is-active' : ''}`}
                  // Keep focus in the input so its blur does not close the list before the click lands.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(p)}
                >
                  <span className="combobox__name">{p.name}</span>
                  {p.detail && <span className="combobox__meta">{p.detail}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      {props.multiple && props.value.length > 0 && (
        <ul className="combobox__chips" aria-label={props.chosenLabel ?? t('ui.combobox.chosen')}>
          {props.value.map((p) => (
            <li key={p.id} className="combobox__chip">
              <span className="combobox__chip-name">{p.name}</span>
              {p.detail && <span className="combobox__chip-detail">{p.detail}</span>}
              <button type="button" className="combobox__chip-remove" onClick={() => props.onChange(props.value.filter((x) => x.id !== p.id))}>
                <span aria-hidden="true">✕</span>
                <span className="visually-hidden">{t('ui.combobox.remove', { name: p.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
