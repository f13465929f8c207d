import { useState } from 'react';
import { Alert, Button, Card, ErrorAlert, Loading, TextField } from '@/components/ui';
import { firstName, initials, plural } from '@/lib/format';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { raterRefusals, useCreateRequests } from '../api/create-requests';
import type { SubjectRequests } from '../api/get-subject-requests';
import { useRaterCandidates, type RaterCandidate } from '../api/list-rater-candidates';

/** The search box's name: "Ask someone else" elsewhere on the page puts focus there. */
export const ASK_SEARCH_NAME = 'ask-colleagues-search';

interface AskColleaguesProps {
  view: SubjectRequests;
  /** After people were asked: what happened, in words (the page shows it and moves focus). */
  onAsked: (message: string) => void;
}

/** Why a candidate cannot be picked, or their load when they can. */
function availability(candidate: RaterCandidate, cap: number): string {
  switch (candidate.status) {
    case 'already_asked':
      return 'Already asked';
    case 'declined':
      return 'Declined earlier in this cycle — cannot be asked again';
    case 'at_capacity':
      return `Unavailable: already has ${plural(candidate.openRequests ?? cap, 'open request')}, the most this cycle allows`;
    case 'available':
    default: {
      const n = candidate.openRequests ?? 0;
      return n === 0 ? 'Available · no open requests' : `Available · ${plural(n, 'open request')} of ${cap}`;
    }
  }
}

/** Why a colleague is suggested, in words. */
const SUGGESTION: Record<NonNullable<RaterCandidate['suggestion']>, string> = {
  same_team: 'Same team',
  asked_before: 'Asked in an earlier cycle',
};

/** Most people one call may ask (the API's MAX_RATERS_PER_CALL). */
const MAX_PER_CALL = 20;

/** Why HR cannot add a peer now, for the disabled "Peer" choice. */
function peerUnavailable(view: SubjectRequests): string {
  if (view.maxPeers === 0) return 'This cycle collects no peer feedback';
  if (view.activePeers >= view.maxPeers) return `The peer list is full (${view.maxPeers})`;
  return 'No more peers can be asked now';
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
          { title: 'Suggested', items: suggestedItems },
          { title: 'Everyone else', items: items.filter((c) => !c.suggestion) },
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
    const who = names.length <= 3 ? names.join(', ') : plural(names.length, 'colleague');
    setSelected(new Map());
    setSearchText('');
    onAsked(
      proposed > 0
        ? `Sent to ${subjectViewer ? 'your manager' : `${name}'s manager`} for approval: ${who}. They will be asked once approved.`
        : `Asked ${who} for feedback${subjectViewer ? '' : ` on ${name}`}. They will get an email.`,
    );
  };

  const approval = subjectViewer && view.managerApprovesPeers ? ' Your manager approves each request before it is sent.' : '';
  const description = replacingOnly
    ? `Nominations have closed, but you can still ask someone in place of a peer who declined or was not approved.${approval}`
    : subjectViewer
      ? `Choose colleagues who see your work regularly — peers, people in other teams you work with.${approval}`
      : `Choose colleagues who see ${name}'s work regularly. Requests you make are sent straight away.`;

  return (
    <Card title="Ask colleagues" description={description} className="ask">
      {hr && view.maxPeers === 0 && (
        <p className="ask__kind-note muted">This cycle collects no peer feedback: the people you add here give feedback as other colleagues.</p>
      )}
      {hr && view.maxPeers > 0 && (
        <fieldset className="fieldset ask__kind">
          <legend className="field__label">Add as</legend>
          <div className="segmented">
            {(
              [
                ['peer', 'Peer', view.canRequest ? `Counts toward the ${view.minPeers}–${view.maxPeers} peers` : peerUnavailable(view)],
                ['other', 'Other colleague', 'Outside the peer group; not counted as a peer'],
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
        label="Search colleagues"
        type="search"
        placeholder="Name, title or department"
        value={searchText}
        autoComplete="off"
        onChange={(e) => setSearchText(e.target.value)}
      />

      <p className="ask__room" aria-live="polite">
        {room === 0
          ? 'The peer list is full.'
          : relationship === 'other'
            ? `${plural(selected.size, 'person', 'people')} selected.`
            : full
              ? `${selected.size} selected — the most you can ask ${replacingOnly ? 'now' : 'in this cycle'}.`
              : `${selected.size} selected · you can pick ${room - selected.size} more`}
      </p>

      {candidates.isPending && <Loading label="Finding colleagues…" />}
      {candidates.isError && <ErrorAlert error={candidates.error} title="Could not search colleagues" />}
      {candidates.data && candidates.data.items.length === 0 && (
        <p className="ask__empty muted">Nobody matches “{search}”. Try a first name, a title or a department.</p>
      )}
      {candidates.data && candidates.data.items.length > 0 && (
        <fieldset className="fieldset">
          <legend className="visually-hidden">{search ? `Colleagues matching “${search}”` : 'Colleagues'}</legend>
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
                              {candidate.suggestion && `${SUGGESTION[candidate.suggestion]} · `}
                              {availability(candidate, candidates.data.maxOpenRequestsPerRater)}
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
              <strong>{plural(more, 'more colleague', 'more colleagues')}</strong>
              {search ? ` match “${search}” — type more of a name to narrow the list.` : ' — type a name, title or department to search.'}
            </p>
          )}
        </fieldset>
      )}

      {selected.size > 0 && (
        <div className="selection">
          <h3 className="selection__title">Selected</h3>
          <ul className="chips">
            {[...selected.values()].map((c) => (
              <li key={c.id} className={`chip${refusedIds.has(c.id) ? ' chip--refused' : ''}`}>
                {refusedIds.has(c.id) && <span aria-hidden="true">⚠ </span>}
                {c.name}
                <button type="button" className="chip__remove" onClick={() => toggle(c, false)}>
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">Remove {c.name} from the selection</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {refusals.length > 0 && (
        <Alert
          tone="danger"
          title={
            refusals.length === 1 ? 'This person cannot be asked — nobody was asked' : `${refusals.length} of these people cannot be asked — nobody was asked`
          }
        >
          <ul className="refusals">
            {refusals.map((r) => (
              <li key={r.raterId}>
                <strong>{selected.get(r.raterId)?.name ?? 'Someone you chose'}:</strong> {r.message}
              </li>
            ))}
          </ul>
          <p>Remove them from the selection and ask again.</p>
        </Alert>
      )}
      {create.isError && refusals.length === 0 && <ErrorAlert error={create.error} title="Nobody was asked" />}

      <div className="form__actions">
        <Button onClick={() => void ask()} disabled={selected.size === 0} loading={create.isPending} loadingText="Asking…">
          {selected.size === 0 ? 'Ask colleagues' : `Ask ${plural(selected.size, 'colleague')}`}
        </Button>
        {selected.size > 0 && (
          <Button variant="ghost" onClick={() => setSelected(new Map())} disabled={create.isPending}>
            Clear selection
          </Button>
        )}
      </div>
    </Card>
  );
}
