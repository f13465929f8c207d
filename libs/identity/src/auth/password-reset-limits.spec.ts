import { MAX_RESET_REQUESTS_PER_ADDRESS, MAX_RESET_REQUESTS_PER_IP, RESET_WINDOW_MINUTES, resetRequestRefusal } from './password-reset-limits';

const none = { count: 0, oldestLeavesInSeconds: null };

describe('resetRequestRefusal', () => {
  it('allows requests under both limits', () => {
    expect(resetRequestRefusal(none, none)).toBeNull();
    expect(
      resetRequestRefusal(
        { count: MAX_RESET_REQUESTS_PER_ADDRESS - 1, oldestLeavesInSeconds: 10 },
        { count: MAX_RESET_REQUESTS_PER_IP - 1, oldestLeavesInSeconds: 10 },
      ),
    ).toBeNull();
  });

  it('refuses at the per-address limit until the oldest request leaves the window', () => {
    expect(resetRequestRefusal({ count: MAX_RESET_REQUESTS_PER_ADDRESS, oldestLeavesInSeconds: 1234.2 }, none)).toEqual({
      scope: 'address',
      retryAfterSeconds: 1235,
    });
  });

  it('refuses at the per-IP limit, whatever the address', () => {
    expect(resetRequestRefusal(none, { count: MAX_RESET_REQUESTS_PER_IP, oldestLeavesInSeconds: 60 })).toEqual({ scope: 'network', retryAfterSeconds: 60 });
  });

  it('names the address first when both limits are reached', () => {
    const full = { count: MAX_RESET_REQUESTS_PER_IP, oldestLeavesInSeconds: 5 };
    expect(resetRequestRefusal(full, full)?.scope).toBe('address');
  });

  it('always asks to wait at least a second, and the whole window when the oldest is unknown', () => {
    expect(resetRequestRefusal({ count: MAX_RESET_REQUESTS_PER_ADDRESS, oldestLeavesInSeconds: -3 }, none)?.retryAfterSeconds).toBe(1);
    expect(resetRequestRefusal({ count: MAX_RESET_REQUESTS_PER_ADDRESS, oldestLeavesInSeconds: null }, none)?.retryAfterSeconds).toBe(
      RESET_WINDOW_MINUTES * 60,
    );
  });
});
