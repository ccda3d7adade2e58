/** `load.json`: the LoadSummary itself, so any tool (and this renderer) can read it back. */
import { jsonText } from '../../report/json-text.js';
import type { LoadSummary } from '../load-summary.js';

/** The summary as pretty JSON (2-space indent, trailing newline), in the one shape both engines write. */
export function renderLoadJson(summary: LoadSummary): string {
  return `${jsonText(summary)}\n`;
}
