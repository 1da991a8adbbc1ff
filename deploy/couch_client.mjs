// A CouchDB client for the server's Node programs (the relay and its door): one
// account's credentials taken out of the URL, JSON in and out. Node 18+, no packages.

/** A CouchDB client with one account's credentials, taken out of the URL. */
export function client(url) {
  const u = new URL(url);
  const auth = u.username ? 'Basic ' + Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64') : null;
  u.username = '';
  u.password = '';
  const base = u.href.replace(/\/$/, '');
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}/${path}`, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { json = null; }
    return { status: response.status, json };
  };
  return { base, auth, call };
}
