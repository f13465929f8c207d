import { MemoryRateLimitStore, RateLimiter } from '@lib/database';
import { BAD_SCIM_TOKENS } from './bad-token-limit';

describe('the bad SCIM token limit', () => {
  it('refuses an address after too many bad tokens, until its window ends, and no other address', async () => {
    let now = 1_000_000;
    const limit = new RateLimiter(new MemoryRateLimitStore(() => now));
    for (let i = 0; i < BAD_SCIM_TOKENS.limit - 1; i++) await limit.record(BAD_SCIM_TOKENS, '10.0.0.1');
    expect(await limit.exhausted(BAD_SCIM_TOKENS, '10.0.0.1')).toBeNull();
    await limit.record(BAD_SCIM_TOKENS, '10.0.0.1');
    expect(await limit.exhausted(BAD_SCIM_TOKENS, '10.0.0.1')).toEqual({ scope: 'scim.bad_token', retryAfterSeconds: BAD_SCIM_TOKENS.windowSeconds });
    expect(await limit.exhausted(BAD_SCIM_TOKENS, '10.0.0.2')).toBeNull();
    now += (BAD_SCIM_TOKENS.windowSeconds - 60) * 1000;
    expect((await limit.exhausted(BAD_SCIM_TOKENS, '10.0.0.1'))?.retryAfterSeconds).toBe(60);
    now += 60 * 1000;
    expect(await limit.exhausted(BAD_SCIM_TOKENS, '10.0.0.1')).toBeNull();
  });
});
