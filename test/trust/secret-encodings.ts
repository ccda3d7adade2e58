/**
 * Every form in which a secret could leak into output, computed here
 * independently of the harness's own `redact`: raw UTF-8; base64 (padded,
 * unpadded, URL-safe), also as it appears inside the base64 of a longer
 * string (each of the three byte alignments); hex, lower and upper case;
 * and URL-encoded.
 */
export function secretEncodings(secret: string): { form: string; bytes: Buffer }[] {
  const raw = Buffer.from(secret, 'utf8');
  const forms = new Map<string, string>();
  const base64 = raw.toString('base64');
  forms.set('raw', secret);
  forms.set('base64', base64);
  forms.set('base64 unpadded', base64.replace(/=+$/, ''));
  forms.set('base64url', raw.toString('base64url'));
  for (const offset of [1, 2]) {
    // The secret's bytes after `offset` other bytes: drop the characters the prefix and the padding touch.
    const shifted = Buffer.concat([Buffer.alloc(offset, 0x41), raw]).toString('base64').replace(/=+$/, '');
    const core = shifted.slice(Math.ceil((offset * 4) / 3) + 1, -2);
    forms.set(`base64 at offset ${offset}`, core);
    forms.set(`base64url at offset ${offset}`, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  forms.set('hex', raw.toString('hex'));
  forms.set('HEX', raw.toString('hex').toUpperCase());
  forms.set('URL-encoded', encodeURIComponent(secret));
  forms.set('form-encoded', new URLSearchParams({ s: secret }).toString().slice(2));
  forms.set('JSON-escaped', JSON.stringify(secret).slice(1, -1));
  return [...forms].map(([form, text]) => ({ form, bytes: Buffer.from(text, 'utf8') }));
}

/** `label: form` for each encoding of each secret found in `bytes`; empty when none leaked. */
export function findSecrets(bytes: Buffer, secrets: readonly string[], label: string): string[] {
  return secrets.flatMap((secret) => secretEncodings(secret).filter(({ bytes: needle }) => bytes.includes(needle)).map(({ form }) => `${label}: ${form} of ${JSON.stringify(secret)}`));
}
