/**
 * `/assets/petition.js`, the sign form's only script (first-party, no inline code, CSP `script-src 'self'`):
 * it fetches a proof-of-work challenge from `/act/<slug>/challenge` and solves it with WebCrypto exactly as
 * altcha-lib v2 derives keys (SHA-256 over salt ‖ nonce ‖ big-endian uint32 counter, `cost` rounds), then puts
 * `{ challenge, solution }` (base64 JSON) into the form's `altcha` field. Solving starts when the visitor first
 * reaches the form, so it is usually done before they press the button. Without the script, or if anything
 * fails, the form is sent as it is and the server takes the no-JavaScript path.
 */

/** The script's text (served as is; written in plain ES2017 so no build step is needed). */
export const petitionScript = `(function () {
  'use strict';
  var form = document.querySelector('form[data-challenge]');
  if (!form || !window.fetch || !window.crypto || !window.crypto.subtle) return;
  var field = form.querySelector('input[name="altcha"]');
  var status = document.getElementById('pow-status');
  var job = null;
  var solvedAt = 0;
  function bytes(hex) {
    var b = new Uint8Array(hex.length / 2);
    for (var i = 0; i < b.length; i++) b[i] = parseInt(hex.substr(i * 2, 2), 16);
    return b;
  }
  function hex(b) {
    var s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  async function derive(buf, cost) {
    var key = buf;
    for (var i = 0; i < Math.max(1, cost); i++) key = new Uint8Array(await crypto.subtle.digest('SHA-256', key));
    return key;
  }
  async function solve() {
    var res = await fetch(form.getAttribute('data-challenge'), { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) throw new Error('challenge ' + res.status);
    var challenge = await res.json();
    var p = challenge.parameters;
    var salt = bytes(p.salt), nonce = bytes(p.nonce), prefix = bytes(p.keyPrefix);
    var buf = new Uint8Array(salt.length + nonce.length + 4);
    buf.set(salt, 0);
    buf.set(nonce, salt.length);
    var view = new DataView(buf.buffer);
    for (var n = 0; n <= 0xffffffff; n++) {
      view.setUint32(salt.length + nonce.length, n, false);
      var key = await derive(buf, p.cost);
      var ok = true;
      for (var i = 0; i < prefix.length && ok; i++) ok = key[i] === prefix[i];
      if (ok) {
        var solution = { counter: n, derivedKey: hex(key.slice(0, p.keyLength || 32)) };
        field.value = btoa(JSON.stringify({ challenge: challenge, solution: solution }));
        solvedAt = Date.now();
        return;
      }
    }
  }
  function start() {
    if (job && (solvedAt === 0 || Date.now() - solvedAt < 8 * 60 * 1000)) return job;
    field.value = '';
    solvedAt = 0;
    job = solve().catch(function () { field.value = ''; });
    return job;
  }
  form.addEventListener('focusin', start, { once: true });
  form.addEventListener('submit', function (event) {
    if (field.value && Date.now() - solvedAt < 8 * 60 * 1000) return;
    event.preventDefault();
    if (status) status.textContent = form.getAttribute('data-checking') || '';
    start().then(function () { form.submit(); });
  });
})();
`;
