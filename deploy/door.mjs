// The public door (deploy/relay.mjs serves it at /authorize; nginx asks it before any
// /db/ request, deploy/nginx.conf): who the request's credentials are, as CouchDB says,
// whether a signed-out session is being replayed, and deploy/rules.mjs `authorize`.
// Node 18+, no packages.
import { client } from './couch_client.mjs';
import { RELAY_DB, authorize } from './rules.mjs';

const enc = encodeURIComponent;

/** Who a request's credentials are, as CouchDB says (cached briefly: one nginx request
 *  is one ask, and a phone's sync pass makes dozens). */
function sessions(couch) {
  const cache = new Map();
  return async (headers) => {
    const key = `${headers.cookie ?? ''}\n${headers.authorization ?? ''}`;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.answer;
    const { status, json } = await couch.call('GET', '_session', undefined, {
      authorization: headers.authorization ?? '',
      cookie: headers.cookie ?? '',
    });
    const answer = { status, userCtx: json?.userCtx ?? {} };
    if (cache.size > 10000) cache.clear();
    cache.set(key, { answer, until: Date.now() + 30000 });
    return answer;
  };
}

/** The AuthSession cookie of a Cookie header however it is written (quoted, spaced, any
 *  case): '' when there is none, null when there is one this cannot read for sure (two
 *  different ones, or the name where no value can be read) — then the request is refused. */
export function authSession(header) {
  if (!header) return '';
  let found = '';
  for (const part of header.split(/[;,]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim().toLowerCase() !== 'authsession') continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (found && found !== value) return null;
    found = value;
  }
  if (!found && /authsession/i.test(header)) return null;
  return found;
}

/** Whose a CouchDB session cookie is and when it was issued: CouchDB signs
 *  `name:hex seconds:HMAC` and sends it base64url-encoded; null for anything else. */
export function cookieIssue(value) {
  const bytes = Buffer.from(value, 'base64url');
  const first = bytes.indexOf(0x3a);
  const second = first < 0 ? -1 : bytes.indexOf(0x3a, first + 1);
  if (first <= 0 || second < 0) return null;
  const hex = bytes.subarray(first + 1, second).toString('latin1');
  if (!/^[0-9A-Fa-f]{1,12}$/.test(hex)) return null;
  return { name: bytes.subarray(0, first).toString('utf8'), issuedMs: parseInt(hex, 16) * 1000 };
}

/**
 * The door: 204 lets nginx pass the request on; 401/403 with the reason in a header.
 * CouchDB's session cookies are signed, not stored: signing out only asks the browser to
 * forget one, and CouchDB renews a cookie as it is used, so older copies stay valid. The
 * door therefore records, per account, the issue time of the cookie it signed out with
 * (in the relay's database, so a restart forgets nothing), and refuses every cookie of
 * that account issued up to then — copies kept elsewhere, older renewals. A session
 * signed in afterwards, here or on another phone, is not touched.
 */
export function door(couchUrl) {
  const anonymous = client(new URL(couchUrl).origin);
  const relay = client(couchUrl);
  const session = sessions(anonymous);
  const signedOut = new Map();
  const loaded = relay.call('GET', `${RELAY_DB}/_all_docs?start_key=%22signedout:%22&end_key=%22signedout;%22&include_docs=true`)
    .then(({ json }) => { for (const row of json?.rows ?? []) signedOut.set(row.doc.name, row.doc.at); })
    .catch(() => {});
  // Which street and community each compound is in: the set-up's `tiers` document, read
  // again at most every 30 seconds (a re-run of the set-up holds within a minute). When
  // it cannot be read, the last one read stands; before any, no tier opens anything.
  let tiers = { at: -Infinity, compounds: {} };
  const tiersNow = async () => {
    if (Date.now() - tiers.at < 30000) return tiers.compounds;
    const { status, json } = await relay.call('GET', `${RELAY_DB}/tiers`).catch(() => ({ status: 0 }));
    if (status === 200 && json?.compounds && typeof json.compounds === 'object') tiers = { at: Date.now(), compounds: json.compounds };
    else if (status === 404) tiers = { at: Date.now(), compounds: {} };
    return tiers.compounds;
  };
  const recordSignOut = async (name, issuedMs) => {
    const at = Math.max(issuedMs, signedOut.get(name) ?? -Infinity);
    signedOut.set(name, at);
    const path = `${RELAY_DB}/${enc(`signedout:${name}`)}`;
    const was = await relay.call('GET', path);
    await relay.call('PUT', path, { name, at, ...(was.status === 200 ? { _rev: was.json._rev } : {}) });
  };
  return async (req, res) => {
    await loaded;
    const method = req.headers['x-original-method'] ?? 'GET';
    const uri = req.headers['x-original-uri'] ?? '/';
    const path = uri.startsWith('/db/') || uri === '/db' ? uri.slice(3) : uri;
    const bare = path.split('?')[0];
    const onSession = bare === '/_session' || bare === '/_session/';
    const value = authSession(req.headers.cookie);
    if (value === null) return answer(res, 401, 'a session cookie this server cannot read');
    // Signing in again is always allowed, whatever old cookie the browser still sends.
    const signingIn = onSession && method === 'POST';
    const issue = value ? cookieIssue(value) : null;
    if (value && !signingIn && issue && (signedOut.get(issue.name) ?? -Infinity) >= issue.issuedMs) {
      return answer(res, 401, 'this session was signed out');
    }
    const { status, userCtx } = await session({ cookie: req.headers.cookie, authorization: req.headers.authorization });
    if (status === 401) return answer(res, 401, 'name or password is wrong');
    if (onSession) {
      if (!['GET', 'HEAD', 'POST', 'DELETE'].includes(method)) return answer(res, userCtx.name ? 403 : 401, `${method} _session is not open`);
      // Only a session CouchDB vouches for is recorded as signed out: that cookie and every
      // one of the account issued up to it (copies, older renewals) open nothing again.
      if (method === 'DELETE' && issue && userCtx.name === issue.name) await recordSignOut(issue.name, issue.issuedMs);
      return answer(res, 204, '');
    }
    const verdict = authorize(userCtx, method, path, await tiersNow());
    if (verdict.allow) return answer(res, 204, '');
    return answer(res, userCtx.name ? 403 : 401, verdict.reason);
  };
}

export function answer(res, status, reason) {
  // Only plain characters in a header (the reason may quote a path someone sent).
  res.writeHead(status, { 'x-reason': reason.replace(/[^A-Za-z0-9 _:./'-]/g, '?').slice(0, 200) });
  res.end();
}
