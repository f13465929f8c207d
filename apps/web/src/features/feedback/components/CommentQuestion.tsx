import { useId } from 'react';
import type { Questionnaire } from '../api/get-questionnaire';

export const MAX_COMMENT_LENGTH = 5000;

const DEFAULT_HINT = 'Describe something specific you saw them do, and the effect it had.';

interface CommentQuestionProps {
  question: Questionnaire['openQuestions'][number];
  value: string;
  onChange: (text: string) => void;
}

/**
 * An open question: its hint above the box (read before writing, and with the box by screen
 * readers), and a character counter under it that is described, not announced on every key.
 */
export function CommentQuestion({ question, value, onChange }: CommentQuestionProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const counterId = `${id}-count`;
  const left = MAX_COMMENT_LENGTH - value.length;
  return (
    <div className="field comment">
      <label className="field__label" htmlFor={id}>
        {question.text}
        <span className="field__note"> (optional)</span>
      </label>
      <p className="field__hint comment__hint" id={hintId}>
        {question.hint ?? DEFAULT_HINT}
      </p>
      <textarea
        className="input textarea"
        id={id}
        aria-describedby={`${hintId} ${counterId}`}
        value={value}
        maxLength={MAX_COMMENT_LENGTH}
        rows={4}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className={['comment__count', left < 250 ? 'comment__count--low' : ''].filter(Boolean).join(' ')} id={counterId}>
        {value.length.toLocaleString()} / {MAX_COMMENT_LENGTH.toLocaleString()} characters
      </p>
    </div>
  );
}
