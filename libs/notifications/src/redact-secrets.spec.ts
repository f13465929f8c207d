import { REDACTED, redactSecrets } from './redact-secrets';

const token = 'q3Zb8V1yXj0pL7cT2mN9sD4fG6hK5wE-rA_uI8oP0aS';

describe('redactSecrets', () => {
  it('hides the token of an invitation and of a password reset, in text and HTML', () => {
    const text = `Choose a password:\n\nhttps://ripple.example/accept-invitation?token=${token}\n\nThe link works once.`;
    expect(redactSecrets(text)).toBe(`Choose a password:\n\nhttps://ripple.example/accept-invitation?token=${REDACTED}\n\nThe link works once.`);
    const html = `<p><a href="https://ripple.example/reset-password?token=${token}">Reset</a></p>`;
    expect(redactSecrets(html)).toBe(`<p><a href="https://ripple.example/reset-password?token=${REDACTED}">Reset</a></p>`);
  });

  it('hides a token however short, wherever it sits in the query, and after &amp; in HTML', () => {
    expect(redactSecrets('https://x.example/a?lang=en&token=abc#top')).toBe(`https://x.example/a?lang=en&token=${REDACTED}#top`);
    expect(redactSecrets('<a href="https://x.example/a?lang=en&amp;token=abc">')).toBe(`<a href="https://x.example/a?lang=en&amp;token=${REDACTED}">`);
    expect(redactSecrets('https://x.example/a?Token=abc&lang=en')).toBe(`https://x.example/a?Token=${REDACTED}&lang=en`);
  });

  it('hides other secret-looking parameters: by name, or by a random-looking value', () => {
    expect(redactSecrets('https://x.example/cb?code=1234')).toBe(`https://x.example/cb?code=${REDACTED}`);
    expect(redactSecrets('https://x.example/cb?reset_token=1&api-key=2&sig=3')).toBe(
      `https://x.example/cb?reset_token=${REDACTED}&api-key=${REDACTED}&sig=${REDACTED}`,
    );
    expect(redactSecrets(`https://x.example/magic?l=${token}`)).toBe(`https://x.example/magic?l=${REDACTED}`);
    expect(redactSecrets('https://x.example/d?x=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(`https://x.example/d?x=${REDACTED}`);
  });

  it('leaves ordinary links and text alone', () => {
    const plain = [
      'Open your feedback requests: https://ripple.example/feedback',
      'https://ripple.example/cycles/0b6f1d3e-8a41-4c52-9a57-2f1f3c4d5e6f/subjects?search=maya&limit=20',
      'https://ripple.example/reports?tab=organisation-heatmap-by-department',
      'A sentence with key=value that is no link is still checked, but "token" in prose is not.',
    ].join('\n');
    expect(redactSecrets(plain)).toBe(plain);
  });

  it('is idempotent', () => {
    const once = redactSecrets(`https://x.example/a?token=${token}`);
    expect(redactSecrets(once)).toBe(once);
  });
});
