/**
 * How often anyone may ask for a password-reset link. The limits count requests, not accounts:
 * they answer the same whether or not the address belongs to someone, so a refusal (429) says
 * nothing about who has an account. Per address, so nobody's inbox is flooded; per IP, so one
 * network cannot probe or flood many addresses.
 */
export const RESET_WINDOW_MINUTES = 60;
export const MAX_RESET_REQUESTS_PER_ADDRESS = 5;
export const MAX_RESET_REQUESTS_PER_IP = 20;
/** A mailed link works once, and for this long. */
export const RESET_LINK_MINUTES = 30;

export interface RecentRequests {
  /** Requests accepted within the window. */
  count: number;
  /** Seconds until the oldest of them leaves the window (null when there are none). */
  oldestLeavesInSeconds: number | null;
}

export interface ResetRefusal {
  scope: 'address' | 'network';
  retryAfterSeconds: number;
}

/** Null when one more request is allowed; otherwise which limit is reached and when to come back. */
export function resetRequestRefusal(byAddress: RecentRequests, byIp: RecentRequests): ResetRefusal | null {
  const wait = (recent: RecentRequests): number => Math.max(1, Math.ceil(recent.oldestLeavesInSeconds ?? RESET_WINDOW_MINUTES * 60));
  if (byAddress.count >= MAX_RESET_REQUESTS_PER_ADDRESS) return { scope: 'address', retryAfterSeconds: wait(byAddress) };
  if (byIp.count >= MAX_RESET_REQUESTS_PER_IP) return { scope: 'network', retryAfterSeconds: wait(byIp) };
  return null;
}
