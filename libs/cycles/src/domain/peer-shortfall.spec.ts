import { peersMissing, peerTarget } from './peer-shortfall';
import { countedPeers, type FeedbackRelationship, type RequestState } from './request-rules';

const req = (relationship: FeedbackRelationship, state: RequestState) => ({ relationship, state });

describe('countedPeers', () => {
  it('counts live peer requests whatever their progress: submitted exactly as open', () => {
    const peers = [req('peer', 'proposed'), req('peer', 'open'), req('peer', 'in_progress'), req('peer', 'submitted')];
    expect(countedPeers(peers)).toBe(4);
    // Whether anyone answered never moves the count.
    expect(countedPeers(peers.map((r) => ({ ...r, state: 'open' as const })))).toBe(4);
  });

  it('does not count declined (or withdrawn) and rejected peers, nor raters outside the peer group', () => {
    expect(
      countedPeers([
        req('peer', 'declined'),
        req('peer', 'rejected'),
        req('other', 'open'),
        req('manager', 'open'),
        req('self', 'open'),
        req('direct_report', 'open'),
      ]),
    ).toBe(0);
  });
});

describe('peerTarget and peersMissing', () => {
  it('is minPeers, and nothing when the cycle collects no peers', () => {
    expect(peerTarget({ minPeers: 3, maxPeers: 8 })).toBe(3);
    expect(peerTarget({ minPeers: 0, maxPeers: 8 })).toBe(0);
    expect(peerTarget({ minPeers: 3, maxPeers: 0 })).toBe(0);
  });

  it.each([
    [0, 3],
    [2, 1],
    [3, 0],
    [5, 0],
  ])('with %i peers of a minimum of 3, %i missing', (peers, missing) => {
    expect(peersMissing(peers, { minPeers: 3, maxPeers: 8 })).toBe(missing);
  });
});
