// Sign-in for the dashboard: OAuth 2.0 authorization code flow with PKCE (RFC 7636) against Keycloak,
// using the public client the lead registered for browsers (linkops-console). keycloak-js is not
// available as a Maven artifact here, and the flow is small enough to own: redirect with a S256
// challenge, come back with ?code=&state=, exchange the code with the verifier for an access token.
//
// For the local demo and the browser test a token may also be handed in the URL fragment
// (#token=...): the fragment never reaches a server, and the page drops it from the address bar.

const STORE = 'linkops.dashboard.';

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(n) {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

function claims(token) {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch (e) {
    return {};
  }
}

function fresh(token) {
  const exp = claims(token).exp;
  return token && (!exp || exp * 1000 > Date.now() + 10_000);
}

function redirectUri() {
  return location.origin + location.pathname;
}

/** The access token for API calls, or null when the user still has to sign in. */
export async function currentToken(config) {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(STORE + 'token', fragment.get('token'));
    fragment.delete('token');
    history.replaceState(null, '', location.pathname + location.search + (fragment.toString() ? '#' + fragment : ''));
  }
  const query = new URLSearchParams(location.search);
  if (query.get('code') && query.get('state')) {
    await exchange(config, query);
  }
  const token = sessionStorage.getItem(STORE + 'token');
  return fresh(token) ? token : null;
}

async function exchange(config, query) {
  const expected = sessionStorage.getItem(STORE + 'state');
  const verifier = sessionStorage.getItem(STORE + 'verifier');
  const back = sessionStorage.getItem(STORE + 'back') || '';
  sessionStorage.removeItem(STORE + 'state');
  sessionStorage.removeItem(STORE + 'verifier');
  history.replaceState(null, '', location.pathname + back);
  if (!expected || query.get('state') !== expected || !verifier) {
    throw new Error('sign-in answer did not match this browser session; please sign in again');
  }
  const response = await fetch(config.authServerUrl + '/protocol/openid-connect/token', {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: config.clientId, code: query.get('code'),
      redirect_uri: redirectUri(), code_verifier: verifier,
    }),
  });
  if (!response.ok) {
    throw new Error('Keycloak refused the sign-in code (' + response.status + ')');
  }
  const tokens = await response.json();
  sessionStorage.setItem(STORE + 'token', tokens.access_token);
}

/** Sends the browser to Keycloak's login page; it comes back to this page with a code. */
export async function signIn(config) {
  const verifier = randomString(48);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomString(16);
  sessionStorage.setItem(STORE + 'verifier', verifier);
  sessionStorage.setItem(STORE + 'state', state);
  sessionStorage.setItem(STORE + 'back', location.search);
  location.assign(config.authServerUrl + '/protocol/openid-connect/auth?' + new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }));
}

export function signOut(config) {
  sessionStorage.removeItem(STORE + 'token');
  location.assign(config.authServerUrl + '/protocol/openid-connect/logout?' + new URLSearchParams({
    client_id: config.clientId, post_logout_redirect_uri: redirectUri(),
  }));
}

export function userName(token) {
  const c = claims(token);
  return c.preferred_username || c.upn || c.sub || '';
}
