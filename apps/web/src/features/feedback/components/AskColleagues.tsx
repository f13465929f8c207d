import { useState } from 'react';
import { Alert, Button, Card, ErrorAlert, Loading, TextField } from '@/components/ui';
import { firstName, initials } from '@/lib/format';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { raterRefusals, useCreateRequests } from '../api/create-requests';
import type { SubjectRequests } from '../api/get-subject-requests';
import { useRaterCandidates, type RaterCandidate } from '../api/list-rater-candidates';
import { msg, useT, type MessageId } from '@/i18n';

/** The search box's name: "Ask someone else" elsewhere on the page puts focus there. */
export const ASK_SEARCH_NAME = 'ask-colleagues-search';

interface AskColleaguesProps {
  view: SubjectRequests;
  /** After people were asked: what happened, in words (the page shows it and moves focus). */
  onAsked: (message: string) => void;
}

/** Why a candidate cannot be picked, or their load when they can. */
function availability(candidate: RaterCandidate, cap: number, t: ReturnType<typeof useT>): string {
  switch (candidate.status) {
    case 'already_asked':
      return t('ask.alreadyAsked');
    case 'declined':
      return t('ask.declinedEarlier');
    case 'at_capacity':
      return t('ask.atCapacity', { count: candidate.openRequests ?? cap });
    case 'available':
    default: {
      const n = candidate.openRequests ?? 0;
      return n === 0 ? t('ask.availableNone') : t('ask.available', { count: n, cap });
    }
  }
}

/** Why a colleague is suggested, in words. */
const SUGGESTION: Record<NonNullable<RaterCandidate['suggestion']>, MessageId> = {
  same_team: msg('ask.sameTeam'),
  asked_before: msg('ask.askedBefore'),
};

/** Most people one call may ask (the API's MAX_RATERS_PER_CALL). */
const MAX_PER_CALL = 20;

/** Why HR cannot add a peer now, for the disabled "Peer" choice. */
function peerUnavailable(view: SubjectRequests, t: ReturnType<typeof useT>): string {
  if (view.maxPeers === 0) return t('ask.noPeerFeedback');
  if (view.activePeers >= view.maxPeers) return t('ask.peerListFullCount', { max: view.maxPeers });
  return t('ask.noMorePeersNow');
}

/**
 * "Ask colleagues": search people, pick several within what the cycle still allows, ask them all
 * at once. The API asks all or none; each refused person comes back with a reason, shown by name.
 * The subject and their manager ask peers (view.peerRoom of them); HR also adds other colleagues,
 * outside the peer count, whenever the cycle takes raters (view.canAddRaters).
 */
export function AskColleagues({ view, onAsked }: AskColleaguesProps) {
  const subjectViewer = view.viewer === 'subject';
  const hr = view.canAddRaters;
  const t = useT();
  const [chosenRelationship, setRelationship] = useState<'peer' | 'other'>(view.canRequest ? 'peer' : 'other');
  // Once the peer list fills up, HR goes on adding other colleagues.
  const relationship = hr && !view.canRequest ? 'other' : chosenRelationship;
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const [selected, setSelected] = useState<Map<string, RaterCandidate>>(new Map());
  const candidates = useRaterCandidates(view.cycleId, view.subject.id, search);
  const create = useCreateRequests();
  const refusals = raterRefusals(create.error);
  const refusedIds = new Map(refusals.map((r) => [r.raterId, r.message]));

  const room = relationship === 'other' ? MAX_PER_CALL : Math.min(view.peerRoom, MAX_PER_CALL);
  const full = selected.size >= room;
  const name = firstName(view.subject.name);
  const deadline = view.nominationDeadline ? Date.parse(view.nominationDeadline) : null;
  // eslint-disable-next-line react-hooks/purity -- the deadline passes while the page is open; each render reads the clock on purpose
  const replacingOnly = !hr && deadline !== null && deadline <= Date.now();

  // With no search, the subject's team and the people they asked before come first, under their own heading.
  const items = candidates.data?.items ?? [];
  const suggestedItems = search ? [] : items.filter((c) => c.suggestion);
  const groups: { title: string | null; items: RaterCandidate[] }[] =
    suggestedItems.length > 0
      ? [
          { title: t('ask.suggested'), items: suggestedItems },
          { title: t('ask.everyoneElse'), items: items.filter((c) => !c.suggestion) },
        ]
      : [{ title: null, items }];
  const more = candidates.data ? candidates.data.total - items.length : 0;

  const toggle = (candidate: RaterCandidate, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(candidate.id, candidate);
    else next.delete(candidate.id);
    setSelected(next);
  };

  const ask = async () => {
    if (selected.size === 0) return;
    const raterIds = [...selected.keys()];
    const names = [...selected.values()].map((c) => c.name);
    // mutateAsync: asking the last allowed peers closes this panel, and mutate's callbacks die with it.
    const next = await create
      .mutateAsync({ cycleId: view.cycleId, subjectId: view.subject.id, raterIds, relationship: hr ? relationship : 'peer' })
      .catch(() => null); // the refusal is shown from create.error
    if (!next) return;
    const proposed = next.items.filter((r) => raterIds.includes(r.rater.id) && r.state === 'proposed').length;
    const who = names.length <= 3 ? names.join(', ') : t('ask.colleagues', { count: names.length });
    setSelected(new Map());
    setSearchText('');
    onAsked(
      proposed > 0
        ? subjectViewer
          ? t('ask.sentForApprovalYou', { who })
          : t('ask.sentForApproval', { who, name })
        : subjectViewer
          ? t('ask.askedYou', { who })
          : t('ask.asked', { who, name }),
    );
  };

  const approval = subjectViewer && view.managerApprovesPeers ? ` ${t('ask.approvalNote')}` : '';
  const description = replacingOnly
    ? `${t('ask.replacingOnly')}${approval}`
    : subjectViewer
      ? `${t('ask.descriptionYou')}${approval}`
      : t('ask.description', { name });

  return (
    <Card title={t('ask.title')} description={description} className="ask">
      {hr && view.maxPeers === 0 && <p className="ask__kind-note muted">{t('ask.noPeersNote')}</p>}
      {hr && view.maxPeers > 0 && (
        <fieldset className="fieldset ask__kind">
          <legend className="field__label">{t('ask.addAs')}</legend>
          <div className="segmented">
            {(
              [
                ['peer', t('ask.peer'), view.canRequest ? t('ask.peerCounts', { min: view.minPeers, max: view.maxPeers }) : peerUnavailable(view, t)],
                ['other', t('ask.other'), t('ask.otherText')],
              ] as const
            ).map(([value, label, text]) => {
              const disabled = value === 'peer' && !view.canRequest;
              return (
                <label
                  key={value}
                  className={['segmented__option', relationship === value ? 'is-checked' : '', disabled ? 'is-disabled' : ''].filter(Boolean).join(' ')}
                >
                  <input
                    type="radio"
                    name="ask-relationship"
                    value={value}
                    checked={relationship === value}
                    disabled={disabled}
                    onChange={() => {
                      setRelationship(value);
                      setSelected(new Map());
                    }}
                  />
                  <span className="segmented__label">{label}</span>
                  <span className="segmented__text">{text}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      <TextField
        name={ASK_SEARCH_NAME}
        label={t('followership.placeholder')}
        type="search"
        placeholder={t('ask.searchPlaceholder')}
        value={searchText}
        autoComplete="off"
        onChange={(e) => setSearchText(e.target.value)}
      />

      <p className="ask__room" aria-live="polite">
        {room === 0
          ? t('ask.full')
          : relationship === 'other'
            ? t('ask.selected', { count: selected.size })
            : full
              ? replacingOnly
                ? t('ask.selectedMaxNow', { count: selected.size })
                : t('ask.selectedMax', { count: selected.size })
              : t('ask.selectedRoom', { count: selected.size, left: room - selected.size })}
      </p>

      {candidates.isPending && <Loading label={t('ask.finding')} />}
      {candidates.isError && <ErrorAlert error={candidates.error} title={t('ask.searchFailed')} />}
      {candidates.data && candidates.data.items.length === 0 && <p className="ask__empty muted">{t('ask.nobodyMatches', { search })}</p>}
      {candidates.data && candidates.data.items.length > 0 && (
        <fieldset className="fieldset">
          <legend className="visually-hidden">{search ? t('ask.matching', { search }) : t('ask.colleaguesLegend')}</legend>
          {groups.map((group) =>
            group.items.length === 0 ? null : (
              <div key={group.title ?? 'all'} className="candidates__group">
                {group.title && <h3 className="candidates__title">{group.title}</h3>}
                <ul className="candidates" aria-busy={candidates.isPlaceholderData || undefined}>
                  {group.items.map((candidate) => {
                    const checked = selected.has(candidate.id);
                    const unavailable = candidate.status !== 'available';
                    const disabled = !checked && (unavailable || full);
                    const statusId = `candidate-${candidate.id}-status`;
                    const meta = [candidate.title, candidate.department].filter(Boolean).join(' · ');
                    return (
                      <li key={candidate.id}>
                        <label className={['candidate', checked ? 'is-checked' : '', disabled ? 'is-disabled' : ''].filter(Boolean).join(' ')}>
                          <input
                            type="checkbox"
                            checked={checked}
                            disabled={disabled}
                            aria-describedby={statusId}
                            onChange={(e) => toggle(candidate, e.target.checked)}
                          />
                          <span className="avatar" aria-hidden="true">
                            {initials(candidate.name)}
                          </span>
                          <span className="candidate__text">
                            <span className="candidate__name">{candidate.name}</span>
                            {meta && <span className="candidate__meta">{meta}</span>}
                            <span className={`candidate__status candidate__status--${candidate.status}`} id={statusId}>
                              {candidate.suggestion && `${t(SUGGESTION[candidate.suggestion])} · `}
                              {availability(candidate, candidates.data.maxOpenRequestsPerRater, t)}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ),
          )}
          {more > 0 && (
            <p className="candidates__more">
              <strong>{t('ask.more', { count: more })}</strong>
              {search ? ` ${t('ask.moreMatch', { search })}` : ` ${t('ask.moreSearch')}`}
            </p>
          )}
        </fieldset>
      )}

      {selected.size > 0 && (
        <div className="selection">
          <h3 className="selection__title">{t('ask.selectedTitle')}</h3>
          <ul className="chips">
            {[...selected.values()].map((c) => (
              <li key={c.id} className={`chip${refusedIds.has(c.id) ? ' chip--refused' : ''}`}>
                {refusedIds.has(c.id) && <span aria-hidden="true">⚠ </span>}
                {c.name}
                <button type="button" className="chip__remove" onClick={() => toggle(c, false)}>
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">{t('ask.removeChip', { name: c.name })}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {refusals.length > 0 && (
        <Alert tone="danger" title={t('ask.refused', { count: refusals.length })}>
          <ul className="refusals">
            {refusals.map((r) => (
              <li key={r.raterId}>
                <strong>{selected.get(r.raterId)?.name ?? t('ask.someone')}:</strong> {r.message}
              </li>
            ))}
          </ul>
          <p>{t('ask.refusedText')}</p>
        </Alert>
      )}
      {create.isError && refusals.length === 0 && <ErrorAlert error={create.error} title={t('ask.nobodyAsked')} />}

      <div className="form__actions">
        <Button onClick={() => void ask()} disabled={selected.size === 0} loading={create.isPending} loadingText={t('ask.asking')}>
          {selected.size === 0 ? t('ask.title') : t('ask.askCount', { count: selected.size })}
        </Button>
        {selected.size > 0 && (
          <Button variant="ghost" onClick={() => setSelected(new Map())} disabled={create.isPending}>
            {t('ask.clear')}
          </Button>
        )}
      </div>
    </Card>
  );
}
