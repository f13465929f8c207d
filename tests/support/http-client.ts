import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sessionCookieFor, type SignInPerson } from './sign-in';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

interface RequestOptions {
  body?: unknown;
  /** Sent as is (e.g. CSV) instead of JSON. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Leave out the CSRF header, to test that it is required. */
  noCsrf?: boolean;
}

/**
 * A browser-like client over Fastify's inject (no port): it keeps cookies, fetches a CSRF token
 * before the first unsafe request, and sends JSON.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  /** One fetch shared by every request that needs it, also by concurrent first requests. */
  private csrfToken: Promise<string> | undefined;

  constructor(private readonly app: NestFastifyApplication) {}

  get = <T = any>(url: string, options?: RequestOptions): Promise<TestResponse<T>> => this.request<T>('GET', url, options);
  post = <T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>> => this.request<T>('POST', url, { ...options, body });
  put = <T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>> => this.request<T>('PUT', url, { ...options, body });
  patch = <T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>> => this.request<T>('PATCH', url, { ...options, body });
  delete = <T = any>(url: string, options?: RequestOptions): Promise<TestResponse<T>> => this.request<T>('DELETE', url, options);

  /** The raw cookies, e.g. to replay a session after logout. */
  exportCookies(): Map<string, string> {
    return new Map(this.cookies);
  }

  importCookies(cookies: Map<string, string>): void {
    for (const [k, v] of cookies) this.cookies.set(k, v);
  }

  async login(email: string, password: string): Promise<TestResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${response.text}`);
    return response;
  }

  /**
   * Signed in as this person without the login route (a session made by the SessionService, its
   * signed cookie set here), for tests that merely need "a signed-in X". The CSRF token is still
   * fetched before the first unsafe request, as for a browser. The login route has its own tests.
   */
  async signInAs(person: SignInPerson): Promise<void> {
    const cookie = await sessionCookieFor(this.app, person);
    this.cookies.set(cookie.name, cookie.value);
  }

  async request<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET' && method !== 'HEAD' && !options.noCsrf) {
      this.csrfToken ??= this.request<{ token: string }>('GET', '/api/auth/csrf').then((response) => response.body.token);
      headers['x-csrf-token'] = await this.csrfToken;
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | Buffer | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method: method as 'GET', url, headers, payload });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.value === '' || cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let body: any = response.body;
    if (String(response.headers['content-type'] ?? '').includes('json') && response.body) body = JSON.parse(response.body);
    return { status: response.statusCode, body, text: response.body, headers: response.headers };
  }
}
