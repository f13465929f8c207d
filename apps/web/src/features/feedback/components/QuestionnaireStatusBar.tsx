import { useEffect, useId, useRef, useState } from 'react';
import type { SaveStatus } from '../hooks/use-draft-autosave';
import { clockTime } from '../utils/time';
import { FormattedMessage } from 'react-intl';
import { useT } from '@/i18n';

function saveText(status: SaveStatus, t: ReturnType<typeof useT>): { text: string; tone: 'muted' | 'ok' | 'warn' | 'bad' } {
  switch (status.kind) {
    case 'pending':
    case 'saving':
      return { text: t('save.saving'), tone: 'muted' };
    case 'saved':
      return { text: t('save.saved', { time: clockTime(status.savedAt) }), tone: 'ok' };
    case 'retrying':
      return { text: t('save.retrying'), tone: 'warn' };
    case 'failed':
      return { text: t('save.failed'), tone: 'bad' };
    case 'closed':
      return { text: t('save.closed'), tone: 'bad' };
    case 'idle':
    default:
      return status.savedAt ? { text: t('save.saved', { time: clockTime(status.savedAt) }), tone: 'ok' } : { text: t('save.asYouGo'), tone: 'muted' };
  }
}

const ICON = { muted: '', ok: '✓', warn: '!', bad: '!' } as const;

/**
 * Sticky at the top of the questionnaire: how many statements have an answer, and whether they are
 * saved. Only trouble (and the recovery from it) is announced to screen readers; "Saving… Saved"
 * after every click would drown everything else.
 */
export function QuestionnaireStatusBar({ answered, total, status }: { answered: number; total: number; status: SaveStatus }) {
  const labelId = useId();
  const t = useT();
  const save = saveText(status, t);
  const [announcement, setAnnouncement] = useState('');
  const troubled = useRef(false);
  useEffect(() => {
    if (status.kind === 'retrying' || status.kind === 'failed' || status.kind === 'closed') {
      troubled.current = true;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the live region announces changes of the save status, once per change
      setAnnouncement(status.kind === 'retrying' ? t('save.retryingAnnounce') : save.text);
    } else if (status.kind === 'saved' && troubled.current) {
      troubled.current = false;
      setAnnouncement(t('save.savedAgain'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce when the kind of status changes, not on every retry count or text
  }, [status.kind]);
  return (
    <div className="q-status">
      <div className="q-status__progress">
        <span className="q-status__count" id={labelId}>
          <FormattedMessage id="status.answered" values={{ answered, total, strong: (chunks) => <strong>{chunks}</strong> }} />
        </span>
        <progress
          className="q-status__bar"
          max={total || 1}
          value={answered}
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answered}
          aria-valuetext={t('status.answeredText', { answered, total })}
        />
      </div>
      <p className={`q-status__save q-status__save--${save.tone}`}>
        {ICON[save.tone] && (
          <span className="q-status__icon" aria-hidden="true">
            {ICON[save.tone]}
          </span>
        )}
        {save.text}
      </p>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
