import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { API_LIMITS } from '@/api/limits';
import { Alert, Button, Card, ErrorAlert, Loading, NotFound, PageHeader, SelectField, TextAreaField } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { usePlan, useSavePlan, useSharePlan, type PlanItemInput, type PlanPage as Page, type PlanSuggestion } from '../api/plans';
import { PulseCard } from '../components/PulseCard';
import '../styles/plan.css';
import { FormattedMessage } from 'react-intl';
import { msg, tr, useT, type MessageId } from '@/i18n';

const MAX_ITEMS = API_LIMITS.SavePlanDto.items.maxItems;
const TEXT_MAX = API_LIMITS.PlanItemInputDto.action.maxLength;

const DIRECTION_WORDS: Record<string, MessageId> = {
  sideways: msg('reports.plan.withPeers'),
  downwards: msg('reports.plan.withDirectReports'),
  upwards: msg('reports.plan.withManager'),
};

function reasonWords(reason: PlanSuggestion['reasons'][number]): string {
  switch (reason.kind) {
    case 'development_area':
      return tr('reports.plan.reasonLowest');
    case 'blind_spot':
      return tr('reports.plan.reasonBlindSpot', { statement: reason.statement ?? '' });
    case 'lagging_direction':
      return tr('reports.plan.reasonLagging', {
        directions: (reason.directions ?? []).map((d) => (DIRECTION_WORDS[d] ? tr(DIRECTION_WORDS[d]) : d)).join(` ${tr('list.andWord')} `),
      });
    default:
      return '';
  }
}

const emptyItem = (behaviourKey = ''): PlanItemInput => ({ behaviourKey, action: '', evidence: '' });

/**
 * The subject's development plan for one released report: pick 1–3 behaviours (the report
 * suggests some), say what you will do differently and how you will know, and, if you like,
 * share it with your manager. Nobody else reads it. Some weeks on, a follow-up pulse on the same
 * behaviours shows then vs now.
 */
export default function PlanPage() {
  const { cycleId = '' } = useParams();
  const plan = usePlan(cycleId);
  const t = useT();
  if (plan.isPending) return <Loading label={t('reports.plan.loading')} />;
  if (isApiError(plan.error, 404)) return <NotFound />;
  if (plan.isError) return <ErrorAlert error={plan.error} title={t('reports.plan.loadFailed')} />;
  return <PlanEditor page={plan.data} />;
}

function PlanEditor({ page }: { page: Page }) {
  const me = useSignedInUser();
  const save = useSavePlan(page.cycleId);
  const t = useT();
  const [items, setItemsState] = useState<PlanItemInput[]>(
    () => page.plan?.items.map(({ behaviourKey, action, evidence }) => ({ behaviourKey, action, evidence })) ?? [],
  );
  const [saved, setSaved] = useState(false);
  // Any edit makes "Plan saved" stale.
  const setItems = (change: (list: PlanItemInput[]) => PlanItemInput[]) => {
    setSaved(false);
    setItemsState(change);
  };
  const chosen = new Set(items.map((i) => i.behaviourKey));
  const update = (index: number, change: Partial<PlanItemInput>) => setItems((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(items, { onSuccess: () => setSaved(true) });
  };
  const fieldError = (index: number, field: keyof PlanItemInput): string | null =>
    (isApiError(save.error) && save.error.fieldErrors()[`items.${index}.${field}`]) || null;

  return (
    <div className="plan">
      <PageHeader
        title={t('reports.plan.title')}
        back={{ to: '/reports', label: t('nav.reports') }}
        description={t('reports.plan.description', { cycle: page.cycleName })}
      />
      <Card title={t('reports.plan.suggests')} description={t('reports.plan.suggestsText')}>
        {page.suggestions.length === 0 ? (
          <p className="muted">{t('reports.plan.noSuggestions')}</p>
        ) : (
          <ul className="plan-suggestions">
            {page.suggestions.map((s) => (
              <li key={s.behaviourKey} className="plan-suggestion">
                <div>
                  <strong>{s.name}</strong>
                  <ul className="plan-suggestion__reasons">
                    {s.reasons.map((r) => (
                      <li key={r.kind}>{reasonWords(r)}</li>
                    ))}
                  </ul>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={chosen.has(s.behaviourKey) || items.length >= MAX_ITEMS}
                  onClick={() => setItems((list) => [...list, emptyItem(s.behaviourKey)])}
                  aria-label={t('reports.plan.addLabel', {
                    action: chosen.has(s.behaviourKey) ? t('reports.plan.inPlan') : t('reports.plan.add'),
                    name: s.name,
                  })}
                >
                  {chosen.has(s.behaviourKey) ? t('reports.plan.inPlan') : t('reports.plan.add')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <form onSubmit={submit} noValidate>
        <Card title={t('reports.plan.yours')} description={t('reports.plan.yoursText', { max: MAX_ITEMS })}>
          {items.length === 0 && <p className="muted">{t('reports.plan.nothing')}</p>}
          <ol className="plan-items">
            {items.map((item, index) => (
              <li key={index} className="plan-item">
                <SelectField
                  label={t('reports.plan.behaviourN', { n: index + 1 })}
                  value={item.behaviourKey}
                  error={fieldError(index, 'behaviourKey')}
                  onChange={(e) => update(index, { behaviourKey: e.target.value })}
                >
                  <option value="">{t('reports.plan.choose')}</option>
                  {page.behaviours.map((b) => (
                    <option key={b.key} value={b.key} disabled={b.key !== item.behaviourKey && chosen.has(b.key)}>
                      {b.name}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField
                  label={t('reports.plan.action')}
                  value={item.action}
                  maxLength={TEXT_MAX}
                  rows={3}
                  error={fieldError(index, 'action')}
                  onChange={(e) => update(index, { action: e.target.value })}
                />
                <TextAreaField
                  label={t('reports.plan.evidence')}
                  value={item.evidence}
                  maxLength={TEXT_MAX}
                  rows={2}
                  error={fieldError(index, 'evidence')}
                  onChange={(e) => update(index, { evidence: e.target.value })}
                />
                <Button variant="secondary" size="sm" onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
                  {t('reports.plan.remove', { n: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <div className="plan-actions">
            <Button variant="secondary" disabled={items.length >= MAX_ITEMS} onClick={() => setItems((list) => [...list, emptyItem()])}>
              {t('reports.plan.addBehaviour')}
            </Button>
            <Button type="submit" loading={save.isPending} loadingText={t('reports.plan.saving')} disabled={items.length === 0}>
              {t('reports.plan.save')}
            </Button>
          </div>
          {save.isError && <ErrorAlert error={save.error} title={t('reports.plan.saveFailed')} />}
          {saved && !save.isPending && (
            <Alert tone="success" title={t('reports.plan.saved')}>
              {page.plan?.sharedWith ? t('reports.plan.onlyYouShared', { name: page.plan.sharedWith.name }) : t('reports.plan.onlyYou')}
            </Alert>
          )}
        </Card>
      </form>
      <Sharing page={page} />
      <PulseCard cycleId={page.cycleId} hasPlan={page.plan !== null} selfId={me.id} />
    </div>
  );
}

function Sharing({ page }: { page: Page }) {
  const share = useSharePlan(page.cycleId);
  const t = useT();
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  const { plan, manager } = page;
  let body;
  if (!plan) body = <p className="muted">{t('reports.plan.saveFirst')}</p>;
  else if (plan.sharedWith)
    body = (
      <>
        <p>
          <FormattedMessage
            id="reports.plan.sharedWith"
            values={{ name: plan.sharedWith.name, date: plan.sharedAt ? formatDate(plan.sharedAt) : 'none', strong }}
          />
        </p>
        <Button variant="secondary" loading={share.isPending} onClick={() => share.mutate(false)}>
          {t('reports.plan.withdraw')}
        </Button>
      </>
    );
  else if (manager)
    body = (
      <>
        <p>
          <FormattedMessage id="reports.plan.shareText" values={{ name: manager.name, strong }} />
        </p>
        <Button loading={share.isPending} onClick={() => share.mutate(true)}>
          {t('reports.plan.shareWith', { name: manager.name })}
        </Button>
      </>
    );
  else body = <p className="muted">{t('reports.plan.noManager')}</p>;
  return (
    <Card title={t('reports.plan.share')}>
      {body}
      {share.isError && <ErrorAlert error={share.error} title={t('reports.plan.shareFailed')} />}
    </Card>
  );
}
