import { BAD_TOKEN_WINDOW_SECONDS, BAD_TOKENS_PER_WINDOW, BadTokenLimit } from './bad-token-limit';

describe('BadTokenLimit', () => {
  it('refuses an address after too many bad tokens, until its window ends, and no other address', () => {
    let now = 1_000_000;
    const limit = new BadTokenLimit(() => now);
    for (let i = 0; i < BAD_TOKENS_PER_WINDOW - 1; i++) limit.recordFailure('10.0.0.1');
    expect(limit.retryAfter('10.0.0.1')).toBe(0);
    limit.recordFailure('10.0.0.1');
    expect(limit.retryAfter('10.0.0.1')).toBe(BAD_TOKEN_WINDOW_SECONDS);
    expect(limit.retryAfter('10.0.0.2')).toBe(0);
    now += (BAD_TOKEN_WINDOW_SECONDS - 60) * 1000;
    expect(limit.retryAfter('10.0.0.1')).toBe(60);
    now += 60 * 1000;
    expect(limit.retryAfter('10.0.0.1')).toBe(0);
  });
});
