/** Checks grouped by the contract section they enforce, in contract order. */
import { sectionTitles, type ContractSection } from '../checks/check.js';
import type { CheckResult } from '../checks/failure.js';

export interface SectionGroup {
  readonly section: ContractSection;
  /** e.g. `Authentication and signature`. */
  readonly title: string;
  /** In run order. */
  readonly checks: readonly CheckResult[];
}

/** Groups checks by section (§1 … §6), leaving out sections without checks. */
export function checksBySection(checks: readonly CheckResult[]): SectionGroup[] {
  const sections = Object.keys(sectionTitles) as ContractSection[];
  return sections
    .map((section) => ({ section, title: sectionTitles[section], checks: checks.filter((c) => c.section === section) }))
    .filter((group) => group.checks.length > 0);
}
