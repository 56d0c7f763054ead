/**
 * The attack lab's cases, in the order the index lists them. Each page shows one mistake: the
 * attack, sent to a deliberately weak lab endpoint and to the app's real one, side by side.
 * Pure data: the index page, each case's header and the README's Lab section read from here.
 */
export interface LabCase {
  number: number;
  slug: string;
  /** The mistake, as a short title. */
  title: string;
  /** What goes wrong, in a sentence or two. */
  mistake: string;
  /** What the attacker does on the page. */
  attack: string;
  /** Why the app's real flow refuses the same attack. */
  defence: string;
}

export const LAB_CASES: readonly LabCase[] = [
  {
    number: 1,
    slug: 'long-lived-jwt',
    title: 'A long-lived JWT with no refresh story',
    mistake: 'The token is the only credential and lives for days. Nothing on the server can take it back once it leaves.',
    attack: 'Revoke the user, then keep calling the API with the token issued before the revoke.',
    defence: 'Real access tokens live minutes and the refresh token is revoked at once: the user is out within one access-token lifetime.',
  },
  {
    number: 2,
    slug: 'local-storage',
    title: 'A JWT kept in localStorage',
    mistake: 'Any script that runs on the page can read localStorage, so one XSS bug hands the token to the attacker.',
    attack: 'An "injected script" reads storage and cookies and posts what it finds to an attacker inbox.',
    defence:
      'The real tokens sit in HttpOnly cookies: the script finds nothing to steal (it can still act while it runs, which the page shows too).',
  },
  {
    number: 3,
    slug: 'unverified-claims',
    title: 'Trusting claims without verifying them',
    mistake: 'The server decodes the payload and believes it, without checking the signature.',
    attack: 'Edit `sub` and `role` in a token to make yourself an admin.',
    defence: 'The real verifier checks the signature before reading a single claim.',
  },
  {
    number: 4,
    slug: 'alg-none',
    title: 'Accepting `alg: none`',
    mistake: 'The verifier lets the token choose its algorithm, and `none` means "no signature needed".',
    attack: 'Send an unsigned token whose header says `alg: none`.',
    defence: 'The real verifier takes the algorithm from its own key, never from the token.',
  },
  {
    number: 5,
    slug: 'weak-hmac-secret',
    title: 'A guessable HMAC secret',
    mistake: 'HS256 with a dictionary word: anyone holding one token can test guesses offline, as fast as they like.',
    attack: 'Crack the secret in this browser from a short word list, then sign an admin token with it.',
    defence: 'Real tokens are signed with a private key (EdDSA) that never leaves the server: there is nothing to guess.',
  },
  {
    number: 6,
    slug: 'jwk-injection',
    title: 'Trusting a key embedded in the token (`jwk`)',
    mistake: 'The verifier checks the signature with the public key the token carries in its own header.',
    attack: 'Make your own key pair, sign an admin token, put your public key in the header.',
    defence: 'The real verifier refuses any header that tries to choose the key, and looks keys up in its own key ring.',
  },
  {
    number: 7,
    slug: 'jku-injection',
    title: 'Fetching keys from the token’s `jku` URL',
    mistake: 'The verifier downloads the key set from whatever URL the token names.',
    attack: 'Point `jku` at an attacker key set (served by this app on loopback) and sign with the matching private key.',
    defence: 'The real verifier never fetches a URL a token names: `jku` is refused outright.',
  },
  {
    number: 8,
    slug: 'kid-injection',
    title: 'Building a key lookup from `kid`',
    mistake: 'The verifier turns `kid` into a file path (or a query), so the attacker picks which bytes become the key.',
    attack: 'Set `kid` to `../../dev/null` and sign with an empty key.',
    defence: 'A real `kid` must be a short, well-formed id found in the key ring; anything else is refused before any lookup.',
  },
  {
    number: 9,
    slug: 'algorithm-confusion',
    title: 'Algorithm confusion',
    mistake:
      'The verifier uses "the public key" without pinning an algorithm, so an HMAC token is checked with the public key as its secret.',
    attack: 'Take the app’s published JWKS (public, by design) and HMAC-sign an admin token with those bytes.',
    defence: 'The real verifier pins the algorithm to the key’s own (EdDSA): an HS256 token is refused.',
  },
  {
    number: 10,
    slug: 'cookie-flags',
    title: 'A cookie without HttpOnly, Secure or SameSite',
    mistake: 'Without HttpOnly scripts read the cookie; without SameSite another site’s form posts with it.',
    attack: 'Read it with `document.cookie`; then submit a form from a second local origin that uses it (CSRF).',
    defence: 'Real cookies are HttpOnly and SameSite, and state-changing requests from another site are refused by an origin check.',
  },
  {
    number: 11,
    slug: 'token-bloat',
    title: 'Stuffing too much into the JWT',
    mistake: 'Every claim travels on every request, and past the browser’s cookie size limit the cookie is silently dropped.',
    attack: 'Add claims with a slider and watch the bytes per request grow until the user is logged out.',
    defence: 'Real tokens carry a handful of claims; everything else is looked up when needed.',
  },
  {
    number: 12,
    slug: 'key-rotation',
    title: 'Treating the signing key as set-and-forget',
    mistake: 'One key forever: it cannot be rotated without logging everybody out, so it never is.',
    attack: 'Rotate with `kid`: watch old tokens keep verifying until the old key is retired, and the JWKS change.',
    defence: 'The app names every key by `kid`, publishes old and new side by side, and retires the old one when its tokens have expired.',
  },
  {
    number: 13,
    slug: 'one-lifetime',
    title: 'One token, one lifetime',
    mistake: 'Access and refresh tokens given the same lifetime lose what separating them was for.',
    attack: 'On a timeline: what a stolen token is worth under each profile.',
    defence: 'A short access token limits what a thief gets; the long refresh token is rotated, kept server-side and revocable.',
  },
  {
    number: 14,
    slug: 'logout-stateless-cookie',
    title: 'A logout that does not end the session',
    mistake: 'The cookie holds the user itself, sealed; logging out only asks the browser to forget it.',
    attack: 'Copy the cookie, log out, replay the copy.',
    defence: 'The real session cookie holds only an id; logout deletes the record, so the copy gets 401.',
  },
  {
    number: 15,
    slug: 'session-fixation',
    title: 'Session fixation and guessable ids',
    mistake: 'The id from before login is kept after it, and ids come from a counter plus the time.',
    attack: 'Plant an id before the victim logs in; guess the next id from one you were given.',
    defence: 'The real login issues a fresh random id every time, and ids are 256 random bits.',
  },
  {
    number: 16,
    slug: 'sensitive-payload',
    title: 'Sensitive data in the payload',
    mistake: 'A JWT is signed, not encrypted: anyone who holds it can read every claim.',
    attack: 'Decode the token: the email and password hash are right there.',
    defence: 'Real tokens carry an id, a name and a role, nothing a reader could use.',
  },
];

export function findLabCase(slug: string): LabCase | null {
  return LAB_CASES.find((entry) => entry.slug === slug) ?? null;
}
