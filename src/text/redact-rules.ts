// The built-in secret shapes the redactor masks, as data. Each rule names the secret `s` and,
// where the text around it must stay (a header name, a quote, the rest of a command), `pre`
// and `post`: `curl -H "X-Api-Key: abc" https://x` becomes `curl -H "X-Api-Key: ***" https://x`,
// never `curl -H "X-Api-Key: ***` with the URL eaten. Every pattern is linear in practice: no
// nested quantifiers, and each unbounded run is stopped by a character it cannot contain.

/** One secret shape. */
export interface RedactionRule {
  /** What it catches, for tests and for reading. */
  name: string;
  /** Global regex with a named group `s` (the secret) and optionally `pre` / `post` (kept). */
  pattern: RegExp;
}

/** Header names whose value is a credential. */
const HEADER = String.raw`(?:proxy-)?authorization|[\w-]*(?:api-?key|token|secret|password|passwd|signature)`;

/** Authorization schemes that come before the credential itself. */
const SCHEME = String.raw`(?:bearer|basic|digest|token|negotiate|ntlm|aws4-hmac-sha256)\s+`;

/** A value as a shell or JSON writes it: quoted (spaces allowed) or one word. */
const VALUE = String.raw`"[^"\r\n]*"|'[^'\r\n]*'|[^\s;|&"']+`;

/** Words in a key that make its value a secret (`DB_PASSWORD=`, `"apiKey":`, `token: `). */
const SECRET_KEY_WORD = String.raw`api[_-]?key|apikey|password|passwd|passphrase|pwd|secret|token|credentials?|private[_-]?key|access[_-]?key|routing[_-]?key|integration[_-]?key`;

/** The rules, applied in order. */
export const REDACTION_RULES: readonly RedactionRule[] = [
  {
    // A header inside a quoted argument: the value runs to the closing quote, and no further; an
    // authorization scheme (Bearer, Basic...) stays readable.
    name: 'quoted header',
    pattern: new RegExp(String.raw`(?<pre>(?<q>["'])\s*(?:${HEADER}|cookie|set-cookie)\s*:\s*(?:${SCHEME})?)(?<s>(?:(?!\k<q>)[^\r\n])+)(?<post>\k<q>)`, 'gi'),
  },
  {
    // A JSON or YAML key with a quoted value: `"password": "p a s s"`, `'token': 'x'`.
    name: 'quoted key and value',
    pattern: new RegExp(
      String.raw`(?<pre>(?<q>["'])(?:${HEADER}|cookie|[\w.-]*(?:${SECRET_KEY_WORD})[\w.-]*)\k<q>\s*[:=]\s*(?<q2>["']))(?<s>(?:(?!\k<q2>)[^\\\r\n]|\\.)+)(?<post>\k<q2>)`,
      'gi',
    ),
  },
  {
    // An unquoted credential header (an HTTP dump, a log line): the scheme stays, one word goes.
    name: 'header',
    pattern: new RegExp(String.raw`(?<pre>\b(?:${HEADER})\s*:\s*(?:${SCHEME})?)(?<s>[^\s"',;]+)`, 'gi'),
  },
  {
    // Cookies hold several `name=value; ` pairs: the whole value up to a quote or the line's end.
    name: 'cookie header',
    pattern: /(?<pre>\b(?:set-)?cookie\s*:\s*)(?<s>[^"'\r\n]+)/gi,
  },
  {
    // A credential after Bearer/Basic has a digit or base64 padding, or is long; "basic auth" stays.
    name: 'bearer or basic token',
    pattern: /(?<pre>\b(?:bearer|basic)\s+)(?<s>(?=[A-Za-z0-9._~+/=-]*[0-9+/=])[A-Za-z0-9._~+/=-]{8,}|[A-Za-z0-9._~+/=-]{20,})/gi,
  },
  {
    // scheme://user:secret@host; the secret runs to the last `@` before the path (a raw `@` in it).
    name: 'password in a URL',
    pattern: /(?<pre>\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)(?<s>[^\s/]+)(?<post>@)/gi,
  },
  {
    // curl -u user:pass, --user user:pass, -uuser:pass, --proxy-user, -U.
    name: 'curl user:password',
    pattern: new RegExp(String.raw`(?<pre>\bcurl\b[^\n;|&]*?\s(?:-u|--user|--proxy-user|-U)(?:\s+|=)?["']?[^\s:"']*:)(?<s>[^\s"']+)`, 'g'),
  },
  {
    // mysql -pPASS (the password glued to -p; `-P 3306` is the port, so this is case-sensitive).
    name: 'mysql -pPASSWORD',
    pattern: new RegExp(
      String.raw`(?<pre>\b(?:mysql|mysqldump|mysqladmin|mysqlcheck|mysqlimport|mysqlshow|mysqlpump|mysqlsh|mariadb(?:-dump|-admin|-check|-import|-show)?)\b[^\n;|&]*?\s-p)(?<s>${VALUE})`,
      'g',
    ),
  },
  {
    // redis-cli -a PASS / --pass PASS.
    name: 'redis-cli -a PASSWORD',
    pattern: new RegExp(String.raw`(?<pre>\bredis-cli\b[^\n;|&]*?\s(?:-a|--pass)\s+)(?<s>${VALUE})`, 'g'),
  },
  {
    // Signed URLs and tokens in query strings.
    name: 'secret query parameter',
    pattern:
      /(?<pre>[?&](?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|token|access_token|refresh_token|id_token|auth|key|api_key|apikey|password|secret|client_secret)=)(?<s>[^&\s#"']+)/gi,
  },
  {
    // key=value and key: value forms, as in env dumps, command lines and YAML.
    name: 'secret key=value',
    pattern: new RegExp(String.raw`(?<pre>\b[\w.-]*(?:${SECRET_KEY_WORD})[\w.-]*["']?\s*[=:]\s*["']?)(?<s>[^\s"'&,;}]+)`, 'gi'),
  },
  { name: 'AWS access key id', pattern: /\b(?<s>(?:AKIA|ASIA)[0-9A-Z]{16})\b/g },
  { name: 'GitHub token', pattern: /\b(?<s>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g },
  { name: 'GitLab token', pattern: /\b(?<s>glpat-[A-Za-z0-9_-]{20,})/g },
  { name: 'Slack token', pattern: /\b(?<s>xox[abposr]-[A-Za-z0-9-]{8,})/g },
  { name: 'Stripe key', pattern: /\b(?<s>(?:sk|rk)_live_[A-Za-z0-9]{16,})/g },
  { name: 'JSON web token', pattern: /\b(?<s>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g },
  { name: 'Slack webhook', pattern: /(?<pre>\bhttps?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)(?<s>[A-Za-z0-9/_-]+)/gi },
];

/**
 * Every rule needs one of these words or shapes; texts without any (most of them) skip the
 * rules, which keeps exporting 100,000 events well under a second (B9).
 */
export const MAY_HOLD_SECRET =
  /bearer|basic|authori|cookie|api|key|pass|pwd|secret|token|sig|auth|credential|:\/\/|curl|mysql|mariadb|redis-cli|AKIA|ASIA|gh[oprsu]_|github_pat_|glpat-|xox|_live_|eyJ/i;
