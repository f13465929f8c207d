import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['/accept-invitation?token=abc-123', '/accept-invitation?token=[redacted]'],
    ['/reset-password?x=1&token=abc&y=2', '/reset-password?x=1&token=[redacted]&y=2'],
    ['/setup?CODE=123456#top', '/setup?CODE=[redacted]#top'],
    ['/api/auth/invitations/abc-123', '/api/auth/invitations/[redacted]'],
    ['/api/auth/invitations/abc-123?token=def', '/api/auth/invitations/[redacted]?token=[redacted]'],
  ])('hides the secret in %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it.each(['/api/people?search=token', '/api/cycles/5f0c/subjects', '/health/ready', '/api/reports/tokenizer?limit=5'])('leaves %s as it is', (url) => {
    expect(redactUrl(url)).toBe(url);
  });
});
