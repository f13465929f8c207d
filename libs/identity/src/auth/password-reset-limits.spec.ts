import { RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_NETWORK, resetRefusalMessage } from './password-reset-limits';

describe('password reset limits', () => {
  it('allow 5 requests an hour per address and 20 per network', () => {
    expect(RESET_REQUESTS_PER_ADDRESS).toMatchObject({ limit: 5, windowSeconds: 3600 });
    expect(RESET_REQUESTS_PER_NETWORK).toMatchObject({ limit: 20, windowSeconds: 3600 });
  });

  it('name the limit reached and the minutes to wait, rounded up', () => {
    expect(resetRefusalMessage({ scope: RESET_REQUESTS_PER_ADDRESS.scope, retryAfterSeconds: 1234 })).toBe(
      'Too many password reset requests for this address. Try again in 21 minutes.',
    );
    expect(resetRefusalMessage({ scope: RESET_REQUESTS_PER_NETWORK.scope, retryAfterSeconds: 1 })).toBe(
      'Too many password reset requests from your network. Try again in 1 minute.',
    );
  });
});
