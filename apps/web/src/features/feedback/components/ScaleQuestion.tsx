import type { Questionnaire } from '../api/get-questionnaire';
import { useT } from '@/i18n';

type Statement = Questionnaire['behaviours'][number]['statements'][number];

interface ScaleQuestionProps {
  statement: Statement;
  number: number;
  scale: Questionnaire['scale'];
  /** undefined: not answered; null: not observed; 1–5: the rating. */
  value: number | null | undefined;
  /** Shown after a submit attempt that found this statement unanswered. */
  missing: boolean;
  onAnswer: (rating: number | null) => void;
}

/** The DOM id of a statement's fieldset, to jump to it. */
export const statementDomId = (statementId: string): string => `statement-${statementId}`;

/**
 * One statement as a radio group: the five labelled points, then "Not observed". Native radios
 * give keyboard use for free (Tab into the group, arrow keys move and choose, Space chooses).
 */
export function ScaleQuestion({ statement, number, scale, value, missing, onAnswer }: ScaleQuestionProps) {
  const id = statementDomId(statement.id);
  const errorId = `${id}-error`;
  const t = useT();
  const options = [
    ...scale.points.map((p) => ({ key: String(p.value), label: p.label, rating: p.value })),
    { key: 'not-observed', label: scale.notObservedLabel, rating: null },
  ];
  return (
    <fieldset className={['statement', missing ? 'statement--missing' : ''].filter(Boolean).join(' ')} id={id}>
      <legend className="statement__legend">
        <span className="statement__number">{number}.</span> {statement.text}
      </legend>
      <div className="scale">
        {options.map((option) => {
          const checked = value !== undefined && value === option.rating;
          return (
            <label
              key={option.key}
              className={['scale__option', option.rating === null ? 'scale__option--na' : '', checked ? 'is-checked' : ''].filter(Boolean).join(' ')}
            >
              <input
                type="radio"
                name={`rating-${statement.id}`}
                value={option.key}
                checked={checked}
                onChange={() => onAnswer(option.rating)}
                aria-describedby={missing ? errorId : undefined}
              />
              <span className="scale__label">{option.label}</span>
            </label>
          );
        })}
      </div>
      {missing && (
        <p className="statement__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {t('scale.missing', { notObserved: scale.notObservedLabel })}
        </p>
      )}
    </fieldset>
  );
}
