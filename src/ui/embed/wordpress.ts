// WordPress sizes an embedded iframe itself when the embed speaks its protocol
// (wp-includes/js/wp-embed.js, since WordPress 4.4): WordPress adds
// `#?secret=XXXXXXXXXX` to the iframe's address and `data-secret` to the iframe;
// the embed posts `{ message: 'height', value, secret }` to its parent, and
// WordPress sets the height of the iframe whose data-secret matches and whose
// window sent it (clamped to 200–1000 px by WordPress). The secret is only
// alphanumeric; anything else is not WordPress's and is not echoed back.

/** The secret WordPress put into the address, or null. */
export function wordpressSecret(hash: string, search = ''): string | null {
  const fromHash = /[#?&]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(hash);
  if (fromHash) return fromHash[1];
  const q = new URLSearchParams(search).get('secret');
  return q && /^[A-Za-z0-9]{1,64}$/.test(q) ? q : null;
}

export interface WordPressHeight {
  readonly message: 'height';
  readonly value: number;
  readonly secret: string;
}

export function wordpressHeight(height: number, secret: string): WordPressHeight {
  return { message: 'height', value: Math.max(0, Math.ceil(height)), secret };
}
