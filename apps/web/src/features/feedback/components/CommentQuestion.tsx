import { useId } from 'react';
import type { Questionnaire } from '../api/get-questionnaire';
import { useIntl } from 'react-intl';
import { useT } from '@/i18n';

export const MAX_COMMENT_LENGTH = 5000;

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
  const t = useT();
  const intl = useIntl();
  return (
    <div className="field comment">
      <label className="field__label" htmlFor={id}>
        {question.text}
        <span className="field__note"> {t('comment.optional')}</span>
      </label>
      <p className="field__hint comment__hint" id={hintId}>
        {question.hint ?? t('comment.defaultHint')}
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
        {t('comment.count', { used: intl.formatNumber(value.length), max: intl.formatNumber(MAX_COMMENT_LENGTH) })}
      </p>
    </div>
  );
}
