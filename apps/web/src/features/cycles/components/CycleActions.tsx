import { useState } from 'react';
import { Alert, Button, Dialog, useToast } from '@/components/ui';
import { sentence } from '@/lib/format';
import type { Cycle, CycleAction } from '../api/get-cycle';
import { useTransitionCycle } from '../api/transition-cycle';
import { ACTION_INFO } from './cycle-format';
import { useT } from '@/i18n';

/** The transitions HR may take now (from `allowedActions`), each behind a dialog that says what will happen. */
export function CycleActions({ cycle }: { cycle: Cycle }) {
  const t = useT();
  const [pending, setPending] = useState<CycleAction | null>(null);
  const transition = useTransitionCycle();
  const toast = useToast();
  const info = pending ? ACTION_INFO[pending] : null;

  const close = () => {
    setPending(null);
    transition.reset();
  };
  const confirm = () => {
    if (!pending) return;
    transition.mutate(
      { id: cycle.id, action: pending },
      {
        onSuccess: () => {
          toast.show(t(ACTION_INFO[pending].done));
          setPending(null);
        },
      },
    );
  };

  // Launch is the step forward in draft; from nominating, "Start collecting" is, and "Close" is the exception.
  const primary: CycleAction | undefined = cycle.allowedActions[0];
  const fieldErrors = transition.error?.errors as { field?: string; message?: string }[] | undefined;
  const messages = (fieldErrors ?? []).map((e) => e.message).filter((m): m is string => typeof m === 'string');

  return (
    <>
      {cycle.allowedActions.map((action) => (
        <Button key={action} variant={action === primary ? 'primary' : 'secondary'} onClick={() => setPending(action)}>
          {t(ACTION_INFO[action].label)}
        </Button>
      ))}
      <Dialog
        open={pending !== null}
        onClose={close}
        title={info ? t(info.title) : ''}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={transition.isPending} loadingText={t('cycles.action.working')}>
              {info && t(info.confirm)}
            </Button>
          </>
        }
      >
        {info && (
          <div className="cy-confirm">
            <p>
              <strong>{cycle.name}</strong>
              {pending === 'launch' ? ` · ${t('cycles.action.subjects', { count: cycle.subjectCount })}` : ''}
            </p>
            <p className="cy-confirm__lead">{t('cycles.action.whatHappens')}</p>
            <ul className="plain-list">
              {info.points.map((point) => (
                <li key={point}>{t(point)}</li>
              ))}
            </ul>
            {pending === 'launch' && cycle.settings.maxPeers === 0 && <p className="muted">{t('cycles.action.noPeers')}</p>}
            {transition.isError && (
              <Alert tone="danger" title={transition.error.status === 422 ? t('cycles.action.notReady') : t('cycles.action.failed')}>
                {messages.length > 0 ? (
                  <ul className="plain-list">
                    {messages.map((m) => (
                      <li key={m}>{sentence(m)}</li>
                    ))}
                  </ul>
                ) : (
                  transition.error.message
                )}
              </Alert>
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}
