import { useState } from 'react';
import { Badge, Button, ButtonLink, Card, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { formatDate, plural } from '@/lib/format';
import { useCloseSelfRequest, useMySelfRequests, useSelfRequestOptions, type SelfRequest } from '../api/self-requests';
import { ShareDialog } from '../components/ShareDialog';
import '../self-requests.css';

const STATE_WORDS: Record<string, string> = { collecting: 'Collecting answers', closed: 'Report being prepared', released: 'Report ready' };

/**
 * Feedback you asked for: what you asked, whom (how many), declines (you are told of those
 * anyway), your own self-assessment — never who has answered. Close it, read the report, share it.
 */
export default function MyRequestsPage() {
  const requests = useMySelfRequests();
  const options = useSelfRequestOptions();
  return (
    <>
      <PageHeader
        title="My feedback requests"
        description="Feedback you asked for yourself. Only you read each report, and whoever you share it with."
        actions={options.data?.enabled ? <ButtonLink to="/ask-for-feedback">Ask for feedback</ButtonLink> : undefined}
      />
      {requests.isPending && <Loading label="Loading your requests…" />}
      {requests.isError && <ErrorAlert error={requests.error} title="Could not load your requests" />}
      {requests.data && requests.data.items.length === 0 && (
        <EmptyState icon="○" title="You have not asked for feedback yet">
          Choose the behaviours you want to hear about and the colleagues to ask: a small 360 of your own, outside HR's cycles.
        </EmptyState>
      )}
      {requests.data?.items.map((r) => (
        <RequestCard key={r.id} request={r} names={new Map(options.data?.behaviours.map((b) => [b.key, b.name]))} />
      ))}
    </>
  );
}

function RequestCard({ request, names }: { request: SelfRequest; names: Map<string, string> }) {
  const me = useSignedInUser();
  const close = useCloseSelfRequest();
  const [sharing, setSharing] = useState(false);
  const behaviours = request.behaviourKeys.map((k) => names.get(k) ?? k).join(', ');
  return (
    <Card title={behaviours} description={request.startedAt ? `Asked ${formatDate(request.startedAt)}` : undefined}>
      <div className="self-request">
        <p>
          <Badge tone={request.state === 'released' ? 'success' : 'neutral'}>{STATE_WORDS[request.state] ?? request.state}</Badge>
        </p>
        <dl className="self-request__facts">
          <div>
            <dt>Asked</dt>
            <dd>{plural(request.asked, 'colleague')}</dd>
          </div>
          <div>
            <dt>Declined</dt>
            <dd>{request.declined}</dd>
          </div>
          <div>
            <dt>Your own view</dt>
            <dd>{request.selfSubmitted ? 'Submitted' : 'Not yet'}</dd>
          </div>
          {request.responseDeadline && (
            <div>
              <dt>{request.state === 'collecting' ? 'Closes' : 'Closed'}</dt>
              <dd>{formatDate(request.closedAt ?? request.responseDeadline)}</dd>
            </div>
          )}
        </dl>
        {request.state === 'collecting' && (
          <p className="field__hint">Who has answered stays hidden, even from you: answers are only ever shown together, in groups of enough people.</p>
        )}
        <div className="self-request__actions">
          {request.state === 'collecting' && (
            <Button variant="secondary" loading={close.isPending} loadingText="Closing…" onClick={() => close.mutate(request.id)}>
              Close now
            </Button>
          )}
          {request.reportReady && (
            <>
              <ButtonLink to={`/reports/cycles/${request.id}/subjects/${me.id}`}>Read the report</ButtonLink>
              <Button variant="secondary" onClick={() => setSharing(true)}>
                Share…
              </Button>
            </>
          )}
        </div>
        {close.isError && <ErrorAlert error={close.error} title="Could not close it" />}
      </div>
      {request.reportReady && <ShareDialog cycleId={request.id} ownerId={me.id} open={sharing} onClose={() => setSharing(false)} />}
    </Card>
  );
}
