import { LRUCache } from 'lru-cache';
import * as oidc from 'openid-client';
import { SsoProblem } from './sso-problem';

/** How Ripple talks to one organisation's provider. */
export interface ProviderConnection {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What Ripple learns from a provider's verified answer. */
export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const TIMEOUT_SECONDS = 10;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer Ripple accepts: https, or http on this machine only (a provider started for tests or a local trial). */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'issuer must be a URL such as https://login.example.com';
  }
  if (url.protocol === 'https:') return url.search || url.hash ? 'issuer must not have a query or a fragment' : null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'issuer must use https (http only on localhost)';
}

/** The network's own reason, however deep openid-client and fetch wrapped it. */
const networkCode = (error: unknown): string | undefined => {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('OAUTH_')) return code;
  }
  return undefined;
};

const describe = (error: unknown): string => {
  const code = networkCode(error);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host';
  if (code === 'ECONNRESET') return 'the connection was cut';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `its TLS certificate was refused (${code})`;
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_SECONDS} s`;
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM')
    return 'it answered with an error status, not an OpenID configuration';
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') return 'it did not answer with an OpenID configuration';
  return error instanceof Error ? error.message : 'unknown error';
};

/** How long a provider's discovery document is reused before it is fetched again. */
export const DISCOVERY_TTL_SECONDS = 5 * 60;

/**
 * Providers' discovery documents, per issuer, for DISCOVERY_TTL_SECONDS: a sign-in start (public)
 * then costs the provider no request, nor Ripple a round trip. Kept per instance and bounded; the
 * document is public, the same for every client of the issuer, so organisations may share it.
 */
const discovered = new LRUCache<string, oidc.ServerMetadata>({ max: 1000, ttl: DISCOVERY_TTL_SECONDS * 1000 });

/**
 * The provider's configuration (OpenID discovery), with Ripple's client and its secret (HTTP Basic,
 * every provider's default): the cached document of its issuer, or, when there is none or `fresh`
 * is asked (HR's test sign-in), a new one. Every failure is an SsoProblem in plain words.
 */
export async function discover(connection: ProviderConnection, options: { fresh?: boolean } = {}): Promise<oidc.Configuration> {
  const url = new URL(connection.issuer);
  const cached = options.fresh ? undefined : discovered.get(connection.issuer);
  if (cached) {
    const config = new oidc.Configuration(cached, connection.clientId, undefined, oidc.ClientSecretBasic(connection.clientSecret));
    if (url.protocol === 'http:') oidc.allowInsecureRequests(config);
    oidc.enableNonRepudiationChecks(config);
    config.timeout = TIMEOUT_SECONDS;
    return config;
  }
  try {
    const config = await oidc.discovery(url, connection.clientId, undefined, oidc.ClientSecretBasic(connection.clientSecret), {
      // The ID token's signature is checked against the provider's keys (jwks_uri) too, not only trusted for coming over TLS.
      execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
      timeout: TIMEOUT_SECONDS,
    });
    discovered.set(connection.issuer, config.serverMetadata());
    return config;
  } catch (error) {
    discovered.delete(connection.issuer);
    const cause = (error as { cause?: { attribute?: string; body?: { issuer?: unknown } } }).cause;
    if (error instanceof oidc.ClientError && error.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' && cause?.attribute === 'issuer') {
      throw new SsoProblem(
        'issuer_mismatch',
        `The provider at ${connection.issuer} calls itself "${String(cause.body?.issuer)}": enter exactly that as the issuer URL.`,
      );
    }
    throw new SsoProblem(
      'provider_unreachable',
      `Ripple could not read the identity provider's OpenID configuration at ${connection.issuer} (${describe(error)}). Check the issuer URL and that the provider is up.`,
    );
  }
}

/**
 * After a sign-in failed at the provider (unreachable, keys or endpoints not as the document said):
 * the next one reads the discovery document afresh, so a provider's changes are picked up at once.
 */
export function forgetDiscovery(issuer: string): void {
  discovered.delete(issuer);
}

export function newPendingLogin(): PendingLogin {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/** The provider's sign-in page for this login: authorization code flow with PKCE (S256), state and nonce. */
export async function authorizationUrl(config: oidc.Configuration, redirectUri: string, login: PendingLogin, loginHint?: string): Promise<string> {
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    state: login.state,
    nonce: login.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
    code_challenge_method: 'S256',
  };
  if (loginHint) parameters.login_hint = loginHint;
  return oidc.buildAuthorizationUrl(config, parameters).href;
}

const CLAIMS: Record<string, string> = {
  aud: 'it was issued for another client: check the client id',
  iss: 'it was issued by another issuer',
  nonce: 'it belongs to another sign-in',
  azp: 'it was issued for another client: check the client id',
};

/**
 * Redeems the code of the provider's redirect (`callbackUrl`) and verifies the ID token (signature,
 * issuer, audience, expiry, nonce) with openid-client; the email comes from the ID token or, when
 * the provider keeps it for the userinfo endpoint, from there.
 */
export async function redeem(config: oidc.Configuration, callbackUrl: URL, login: PendingLogin): Promise<VerifiedIdentity> {
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw grantProblem(error);
  }
  const claims = tokens.claims();
  if (!claims) throw new SsoProblem('token_rejected', 'The provider sent no ID token.');
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== 'string') {
    try {
      source = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch (error) {
      throw error instanceof oidc.ClientError || error instanceof oidc.ResponseBodyError
        ? new SsoProblem('email_missing', 'The provider sent no email address: allow the "email" scope for Ripple\'s client.')
        : grantProblem(error);
    }
  }
  const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : null;
  return {
    subject: claims.sub,
    email,
    emailVerified: source.email_verified === true || source.email_verified === 'true',
    name: typeof source.name === 'string' ? source.name : null,
  };
}

function grantProblem(error: unknown): SsoProblem {
  // The provider went away mid-sign-in (its token endpoint unreachable), however openid-client wrapped it.
  if (/^(E[A-Z]+|UND_ERR_\w+|ERR_TLS\w*)$/.test(networkCode(error) ?? '') || (error instanceof Error && error.name === 'TimeoutError')) {
    return new SsoProblem('provider_unreachable', `Ripple could not finish the sign-in with the identity provider (${describe(error)}).`);
  }
  if (error instanceof oidc.AuthorizationResponseError) {
    return new SsoProblem('provider_refused', `The provider did not sign you in: ${error.error_description ?? error.error}.`);
  }
  // A 401 with a WWW-Authenticate challenge: the token endpoint did not accept Ripple's client credentials.
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    return new SsoProblem('client_rejected', "The provider refused Ripple's client id or client secret: copy both again from the provider.");
  }
  if (error instanceof oidc.ResponseBodyError) {
    if (error.error === 'invalid_client')
      return new SsoProblem('client_rejected', "The provider refused Ripple's client id or client secret: copy both again from the provider.");
    if (error.error === 'invalid_grant') {
      return new SsoProblem(
        'code_rejected',
        `The provider did not accept the sign-in code (${error.error_description ?? 'expired or already used'}). Start again.`,
      );
    }
    return new SsoProblem('provider_refused', `The provider refused to finish the sign-in: ${error.error_description ?? error.error}.`);
  }
  if (error instanceof oidc.ClientError) {
    // openid-client wraps oauth4webapi's error, whose cause names the claim.
    const cause = error.cause as { claim?: string; cause?: { claim?: string } } | undefined;
    const claim = cause?.claim ?? cause?.cause?.claim;
    if (error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim && CLAIMS[claim]) {
      return new SsoProblem('token_rejected', `The provider's ID token failed Ripple's checks: ${CLAIMS[claim]}.`);
    }
    if (error.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED')
      return new SsoProblem('token_rejected', "The provider's ID token failed Ripple's checks: it has expired (check the server clocks).");
    const inner = `${error.message} ${(error.cause as { message?: string } | undefined)?.message ?? ''}`;
    if (/signature/i.test(inner)) {
      return new SsoProblem('token_rejected', "The provider's ID token failed Ripple's checks: it is not signed with the provider's keys.");
    }
    if (error.code === 'OAUTH_INVALID_RESPONSE' && /"state"/.test(inner))
      return new SsoProblem('login_expired', 'This sign-in does not match the one Ripple started. Start again.');
    return new SsoProblem('token_rejected', `The provider's answer failed Ripple's checks: ${error.message}.`);
  }
  return new SsoProblem('provider_unreachable', `Ripple could not finish the sign-in with the identity provider (${describe(error)}).`);
}
