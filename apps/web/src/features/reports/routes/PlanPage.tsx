import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { API_LIMITS } from '@/api/limits';
import { Alert, Button, Card, ErrorAlert, Loading, NotFound, PageHeader, SelectField, TextAreaField } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { usePlan, useSavePlan, useSharePlan, type PlanItemInput, type PlanPage as Page, type PlanSuggestion } from '../api/plans';
import { PulseCard } from '../components/PulseCard';
import '../styles/plan.css';

const MAX_ITEMS = API_LIMITS.SavePlanDto.items.maxItems;
const TEXT_MAX = API_LIMITS.PlanItemInputDto.action.maxLength;

const DIRECTION_WORDS: Record<string, string> = { sideways: 'with peers', downwards: 'with your direct reports', upwards: 'with your manager' };

function reasonWords(reason: PlanSuggestion['reasons'][number]): string {
  switch (reason.kind) {
    case 'development_area':
      return 'Among the lowest rated in your report';
    case 'blind_spot':
      return `A blind spot: you rated “${reason.statement ?? ''}” higher than colleagues did`;
    case 'lagging_direction':
      return `Your influence lands least ${(reason.directions ?? []).map((d) => DIRECTION_WORDS[d] ?? d).join(' and ')}`;
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
  if (plan.isPending) return <Loading label="Loading your plan…" />;
  if (isApiError(plan.error, 404)) return <NotFound />;
  if (plan.isError) return <ErrorAlert error={plan.error} title="Could not load your plan" />;
  return <PlanEditor page={plan.data} />;
}

function PlanEditor({ page }: { page: Page }) {
  const me = useSignedInUser();
  const save = useSavePlan(page.cycleId);
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
        title="Your development plan"
        back={{ to: '/reports', label: 'Reports' }}
        description={`From your report in ${page.cycleName}. The plan is yours: nobody else reads it unless you share it with your manager.`}
      />
      <Card title="What your report suggests" description="Candidates from the numbers your report shows. Pick one, or any behaviour of the framework.">
        {page.suggestions.length === 0 ? (
          <p className="muted">Your report shows too few colleagues’ ratings to suggest anything; choose from every behaviour below.</p>
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
                  aria-label={`${chosen.has(s.behaviourKey) ? 'In your plan' : 'Add to plan'}: ${s.name}`}
                >
                  {chosen.has(s.behaviourKey) ? 'In your plan' : 'Add to plan'}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <form onSubmit={submit} noValidate>
        <Card title="Your plan" description={`One to ${MAX_ITEMS} behaviours: what you will do differently, and how you will know it is working.`}>
          {items.length === 0 && <p className="muted">Nothing chosen yet.</p>}
          <ol className="plan-items">
            {items.map((item, index) => (
              <li key={index} className="plan-item">
                <SelectField
                  label={`Behaviour ${index + 1}`}
                  value={item.behaviourKey}
                  error={fieldError(index, 'behaviourKey')}
                  onChange={(e) => update(index, { behaviourKey: e.target.value })}
                >
                  <option value="">Choose a behaviour</option>
                  {page.behaviours.map((b) => (
                    <option key={b.key} value={b.key} disabled={b.key !== item.behaviourKey && chosen.has(b.key)}>
                      {b.name}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField
                  label="What will you do differently?"
                  value={item.action}
                  maxLength={TEXT_MAX}
                  rows={3}
                  error={fieldError(index, 'action')}
                  onChange={(e) => update(index, { action: e.target.value })}
                />
                <TextAreaField
                  label="How will you know it is working?"
                  value={item.evidence}
                  maxLength={TEXT_MAX}
                  rows={2}
                  error={fieldError(index, 'evidence')}
                  onChange={(e) => update(index, { evidence: e.target.value })}
                />
                <Button variant="secondary" size="sm" onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
                  Remove behaviour {index + 1}
                </Button>
              </li>
            ))}
          </ol>
          <div className="plan-actions">
            <Button variant="secondary" disabled={items.length >= MAX_ITEMS} onClick={() => setItems((list) => [...list, emptyItem()])}>
              Add a behaviour
            </Button>
            <Button type="submit" loading={save.isPending} loadingText="Saving…" disabled={items.length === 0}>
              Save plan
            </Button>
          </div>
          {save.isError && <ErrorAlert error={save.error} title="Could not save the plan" />}
          {saved && !save.isPending && (
            <Alert tone="success" title="Plan saved">
              Only you can read it{page.plan?.sharedWith ? `, and ${page.plan.sharedWith.name}, with whom it is shared` : ''}.
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
  const { plan, manager } = page;
  let body;
  if (!plan) body = <p className="muted">Save your plan first; then you can share it with your manager.</p>;
  else if (plan.sharedWith)
    body = (
      <>
        <p>
          Shared with <strong>{plan.sharedWith.name}</strong>
          {plan.sharedAt ? ` on ${formatDate(plan.sharedAt)}` : ''}. They see your plan and a short guide of questions for your conversation — not your report.
        </p>
        <Button variant="secondary" loading={share.isPending} onClick={() => share.mutate(false)}>
          Withdraw the share
        </Button>
      </>
    );
  else if (manager)
    body = (
      <>
        <p>
          Share the plan with <strong>{manager.name}</strong>, your manager, for your debrief. They see the behaviours you chose and what you wrote, with
          questions to ask you. You can withdraw the share at any time; it also ends if your manager changes.
        </p>
        <Button loading={share.isPending} onClick={() => share.mutate(true)}>
          Share with {manager.name}
        </Button>
      </>
    );
  else body = <p className="muted">You have no manager in Ripple to share the plan with.</p>;
  return (
    <Card title="Share with your manager">
      {body}
      {share.isError && <ErrorAlert error={share.error} title="Could not change the share" />}
    </Card>
  );
}
