import type { CycleSettings } from './cycle-settings';

/**
 * How many peers a subject should have: the cycle's minPeers, or none when the cycle collects no
 * peer feedback (maxPeers 0). One number, read by the progress page's list of subjects short of
 * peers and by the reminder that asks them for more.
 */
export const peerTarget = (settings: Pick<CycleSettings, 'minPeers' | 'maxPeers'>): number =>
  settings.maxPeers === 0 ? 0 : Math.min(settings.minPeers, settings.maxPeers);

/** How many more peers the subject needs to reach the target, given the peers they have (countedPeers). */
export const peersMissing = (counted: number, settings: Pick<CycleSettings, 'minPeers' | 'maxPeers'>): number => Math.max(0, peerTarget(settings) - counted);
