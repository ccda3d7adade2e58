/** Deep-merging a config's `profile` section into a profile. */
import { fieldNames, type FieldRule, type FieldRules } from '../contract/field-rules.js';
import type { Profile } from '../contract/profile.js';
import { signingPresets } from '../signing/presets.js';
import type { ProfileOverride } from './profile-override-schema.js';

function applyFieldOverrides(base: FieldRules, overrides: ProfileOverride['fields']): FieldRules {
  if (!overrides) return base;
  const merged: Record<string, FieldRule> = {};
  for (const name of fieldNames) {
    const override = overrides[name];
    // The override schema of each field is the one of its rule's kind, so the kind is kept.
    merged[name] = override ? ({ ...base[name], ...override } as FieldRule) : base[name];
  }
  return merged as FieldRules;
}

/**
 * `base` with every value given in `override` replaced, section by section.
 * A signing `preset` replaces the signing section first; the explicit signing
 * fields then apply on top of it.
 */
export function applyProfileOverride(base: Profile, override: ProfileOverride = {}): Profile {
  const { preset, ...signing } = override.signing ?? {};
  return {
    endpoint: { ...base.endpoint, ...override.endpoint },
    headers: { ...base.headers, ...override.headers },
    signing: { ...base.signing, ...(preset ? signingPresets[preset] : {}), ...signing },
    clockSkew: { ...base.clockSkew, ...override.clockSkew },
    idempotency: { ...base.idempotency, ...override.idempotency },
    rateLimit: { ...base.rateLimit, ...override.rateLimit },
    maxBodyBytes: override.maxBodyBytes ?? base.maxBodyBytes,
    fields: applyFieldOverrides(base.fields, override.fields),
    age: { ...base.age, ...override.age },
    postalCodeProvinceCheck: override.postalCodeProvinceCheck ?? base.postalCodeProvinceCheck,
  };
}
