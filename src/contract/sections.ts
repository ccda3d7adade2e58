/** The sections of contract.md, as checks and sandbox faults name them. */
export type ContractSection = '§1' | '§2' | '§3' | '§4' | '§5' | '§6';

export const sectionTitles: { readonly [S in ContractSection]: string } = {
  '§1': 'Authentication and signature',
  '§2': 'Order of evaluation',
  '§3': 'Request body and field rules',
  '§4': 'Idempotency-Key',
  '§5': 'Responses',
  '§6': 'Rate limit',
};
