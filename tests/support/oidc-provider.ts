import { createSign, generateKeyPair, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Someone the test identity provider knows. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
  name?: string;
}

/** What a test may make the provider do wrong, to see Ripple refuse it. */
export interface ProviderFaults {
  /** The ID token names another client as its audience (signed with the provider's real key). */
  wrongAudience?: boolean;
  /** Every authorization code is expired by the time Ripple redeems it. */
  expireCodes?: boolean;
  /** The ID token carries another sign-in's nonce (signed with the provider's real key). */
  wrongNonce?: boolean;
  /** The ID token expired an hour ago (signed with the provider's real key). */
  expiredIdToken?: boolean;
  /** The ID token is signed with a key that is not the provider's (same key id). */
  foreignSignature?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by subject; the one in `signInAs` is signed in at the provider's (automatic) log-in step. */
  accounts: Map<string, ProviderAccount>;
  signInAs(subject: string): void;
  faults: ProviderFaults;
  /** How many times the provider was asked for its discovery document (/.well-known/openid-configuration). */
  discoveryRequests(): number;
  /**
   * Follows the browser's path through the provider from Ripple's authorization URL to the
   * redirect back to Ripple, and returns that URL (with `code`, `state`, `iss`, or an `error`).
   */
  authorize(authorizationUrl: string): Promise<URL>;
  /** Stops listening (the provider is "down") until `start()` again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; exp?: number; consumed?: number };

/** oidc-provider's storage, one per provider (its own memory adapter is shared by the whole process). */
function adapterFactory(faults: ProviderFaults) {
  const store = new Map<string, Payload>();
  return class TestAdapter {
    constructor(private readonly model: string) {}
    private key = (id: string): string => `${this.model}:${id}`;
    upsert(id: string, payload: Payload): Promise<void> {
      store.set(this.key(id), { ...payload });
      return Promise.resolve();
    }
    find(id: string): Promise<Payload | undefined> {
      const found = store.get(this.key(id));
      if (found && this.model === 'AuthorizationCode' && faults.expireCodes) return Promise.resolve({ ...found, exp: Math.floor(Date.now() / 1000) - 60 });
      return Promise.resolve(found);
    }
    findByUid(uid: string): Promise<Payload | undefined> {
      return Promise.resolve([...store.entries()].find(([k, p]) => k.startsWith(`${this.model}:`) && p.uid === uid)?.[1]);
    }
    findByUserCode(code: string): Promise<Payload | undefined> {
      return Promise.resolve([...store.entries()].find(([k, p]) => k.startsWith(`${this.model}:`) && p.userCode === code)?.[1]);
    }
    consume(id: string): Promise<void> {
      const found = store.get(this.key(id));
      if (found) found.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    }
    destroy(id: string): Promise<void> {
      store.delete(this.key(id));
      return Promise.resolve();
    }
    revokeByGrantId(grantId: string): Promise<void> {
      for (const [k, p] of store) if (p.grantId === grantId) store.delete(k);
      return Promise.resolve();
    }
  };
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with one confidential client whose
 * redirect URI is Ripple's. Its log-in step signs in `signInAs` without a form; consent is implied.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  // The provider's key and a stranger's (to forge signatures with), made side by side off the main
  // thread: an RSA key takes 0.2-1 s of CPU.
  const rsaKey = (): Promise<KeyObject> =>
    new Promise((resolve, reject) => generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, key) => (error ? reject(error) : resolve(key))));
  const [privateKey, strangerKey] = await Promise.all([rsaKey(), rsaKey()]);
  const jwk: JsonWebKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, ProviderAccount>();
  const faults: ProviderFaults = {};
  let current = '';
  const clientId = 'ripple-test-client';
  const clientSecret = 'ripple-test-secret-0123456789abcdef';

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    adapter: adapterFactory(faults),
    clients: [
      { client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name ?? account.email }),
      };
    },
    // Consent is implied: the grant covers what Ripple asks for.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // Tamper with the ID token after the provider has made it: claims changed, signed again (by its key, or a stranger's).
  provider.use(async (ctx, next) => {
    await next();
    const tampering = faults.wrongAudience || faults.wrongNonce || faults.expiredIdToken || faults.foreignSignature;
    if (tampering && ctx.path === '/token' && ctx.status === 200) {
      const body = ctx.body as { id_token?: string };
      if (body.id_token) {
        const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
        if (faults.wrongAudience) claims.aud = 'someone-else';
        if (faults.wrongNonce) claims.nonce = 'another-sign-in';
        if (faults.expiredIdToken) Object.assign(claims, { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 });
        const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        const signed = `${part({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })}.${part(claims)}`;
        const key = faults.foreignSignature ? strangerKey : privateKey;
        body.id_token = `${signed}.${createSign('RSA-SHA256').update(signed).sign(key).toString('base64url')}`;
        ctx.body = body;
      }
    }
  });
  const callback = provider.callback();
  let discoveryRequests = 0;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) discoveryRequests++;
    const interaction = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!interaction) return void callback(req, res);
    void provider.interactionFinished(req, res, { login: { accountId: current } }, { mergeWithLastSubmission: false }).catch(() => {
      res.statusCode = 400;
      res.end('interaction failed');
    });
  });

  const authorize = async (authorizationUrl: string): Promise<URL> => {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (!url.href.startsWith(issuer)) return url;
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url.pathname}: ${response.status} ${await response.text()}`);
      url = new URL(location, url);
    }
    throw new Error('too many redirects at the provider');
  };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    faults,
    discoveryRequests: () => discoveryRequests,
    signInAs: (subject) => {
      current = subject;
    },
    authorize,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
    start: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
  };
}
