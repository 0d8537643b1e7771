import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { Authenticator } from './auth.js';

const authOf = (env: Record<string, string>) => loadConfig(env).auth;

/** The error `fn` throws (the test fails if it does not). */
function thrown(fn: () => unknown): { message: string; extensions?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as { message: string; extensions?: Record<string, unknown> };
  }
  throw new Error('expected an error');
}

describe('AUTH_TOKENS and AUTH_REQUIRED', () => {
  it('default to no tokens and anonymous reads allowed', () => {
    expect(authOf({})).toEqual({ tokens: [], required: false });
  });

  it('parse role:token pairs, naming each token by role and position (the token may hold colons)', () => {
    const { tokens } = authOf({ AUTH_TOKENS: ' reader:r-1 , editor:e:with:colons,editor:e-2,admin:a-1,' });
    expect(tokens.map((t) => [t.role, t.name, t.token])).toEqual([
      ['reader', 'reader#1', 'r-1'],
      ['editor', 'editor#1', 'e:with:colons'],
      ['editor', 'editor#2', 'e-2'],
      ['admin', 'admin#1', 'a-1'],
    ]);
  });

  it('never show a token when serialised or inspected', () => {
    const auth = authOf({ AUTH_TOKENS: 'editor:very-secret-token' });
    expect(JSON.stringify(auth)).not.toContain('very-secret-token');
    expect(inspect(auth, { depth: 5 })).not.toContain('very-secret-token');
  });

  it.each([
    ['an unknown role', 'owner:abc', 'AUTH_TOKENS entry 1 must be role:token with role one of reader, editor, admin'],
    ['a bare token', 'reader:ok,just-a-secret', 'AUTH_TOKENS entry 2 must be role:token with role one of reader, editor, admin'],
    ['an empty token', 'editor:', 'AUTH_TOKENS entry 1 (editor) must have a non-empty token without spaces after the colon'],
    ['a repeated token', 'reader:same,editor:same', 'AUTH_TOKENS entry 2 (editor) repeats a token given earlier; every token must be unique'],
  ])('refuse %s with one line that does not echo the secret', (_what, value, message) => {
    const error = thrown(() => loadConfig({ AUTH_TOKENS: value }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('just-a-secret');
    expect(error.message).not.toContain('same');
  });

  it('refuse AUTH_REQUIRED=true without tokens (nobody could read)', () => {
    expect(thrown(() => loadConfig({ AUTH_REQUIRED: 'true' })).message).toMatch(/^AUTH_REQUIRED=true needs AUTH_TOKENS/);
    expect(authOf({ AUTH_REQUIRED: 'true', AUTH_TOKENS: 'reader:r' }).required).toBe(true);
  });
});

describe('Authenticator', () => {
  const authenticator = new Authenticator(authOf({ AUTH_TOKENS: 'reader:read-token,editor:edit-token,admin:admin-token' }));

  it('gives each token its viewer, and anonymous without a header', () => {
    expect(authenticator.viewerOf('Bearer read-token')).toEqual({ role: 'reader', name: 'reader#1' });
    expect(authenticator.viewerOf('bearer   edit-token')).toEqual({ role: 'editor', name: 'editor#1' });
    expect(authenticator.viewerOf(['Bearer admin-token'])).toEqual({ role: 'admin', name: 'admin#1' });
    expect(authenticator.viewerOf(undefined)).toEqual({ role: 'anonymous', name: null });
    expect(authenticator.viewerOf('   ')).toEqual({ role: 'anonymous', name: null });
    expect(authenticator.enabled).toBe(true);
  });

  it.each([
    ['an unknown token', 'Bearer nope'],
    ['a prefix of a token', 'Bearer edit-toke'],
    ['a token with something appended', 'Bearer edit-tokenX'],
    ['another scheme', 'Basic ZWRpdG9yOmVkaXQtdG9rZW4='],
    ['a bare token', 'edit-token'],
    ['two tokens', 'Bearer edit-token admin-token'],
  ])('refuses %s: UNAUTHENTICATED with HTTP 401 and a Bearer challenge', (_what, header) => {
    const error = thrown(() => authenticator.viewerOf(header));
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect((error.extensions!.http as { headers: Map<string, string> }).headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(error.message).not.toContain('token-');
  });

  it('with AUTH_REQUIRED refuses anonymous requests', () => {
    const strict = new Authenticator(authOf({ AUTH_TOKENS: 'reader:r', AUTH_REQUIRED: 'true' }));
    expect(thrown(() => strict.viewerOf(undefined)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(strict.viewerOf('Bearer r')).toEqual({ role: 'reader', name: 'reader#1' });
  });

  it('without tokens is off: every caller is anonymous, whatever the header', () => {
    const off = new Authenticator();
    expect(off.enabled).toBe(false);
    expect(off.viewerOf('Bearer anything')).toEqual({ role: 'anonymous', name: null });
  });
});
