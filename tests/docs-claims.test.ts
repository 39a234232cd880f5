/**
 * docs/claims.md shows the verdicts recorded in the catalog, between
 * `<!-- verdicts:start -->` and `<!-- verdicts:end -->`: the counts, one table
 * row per claim with its recorded verdict, and each claim's note as the claims
 * report writes it (its reason, and what an assumption's ablation found). A
 * reason edited in the catalog and not in the doc, or the other way round,
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAIMS, type Verdict } from '../src/claims/catalog.js';
import { claimNote } from '../src/claims/format.js';

const doc = readFileSync(fileURLToPath(new URL('../docs/claims.md', import.meta.url)), 'utf8');
const start = doc.indexOf('<!-- verdicts:start -->');
const end = doc.indexOf('<!-- verdicts:end -->');
const block = start >= 0 && end > start ? doc.slice(start, end) : '';
const lines = block.split('\n');

describe('docs/claims.md, the verdicts block', () => {
  it('is there', () => {
    expect(block, "docs/claims.md needs '<!-- verdicts:start -->' … '<!-- verdicts:end -->'").not.toBe('');
  });

  it('counts the recorded verdicts', () => {
    const count = (v: Verdict) => CLAIMS.filter((c) => c.recorded === v).length;
    const line = `${count('reproduced')} reproduced, ${count('not reproduced')} not reproduced, ${count('inconclusive')} inconclusive, ${count('assumption')} assumption, of ${CLAIMS.length}.`;
    expect(lines).toContain(line);
  });

  it('gives each claim its recorded verdict', () => {
    const rows = lines.map((l) => l.split('|').map((cell) => cell.trim())).filter((cells) => CLAIMS.some((c) => c.id === cells[1]));
    expect(rows.map((cells) => [cells[1], cells[cells.length - 2]])).toEqual(CLAIMS.map((c) => [c.id, c.recorded]));
  });

  it("carries each claim's note as the catalog has it", () => {
    const notes = lines.filter((l) => l.startsWith('- **'));
    expect(notes).toEqual(CLAIMS.map(claimNote).filter((n) => n !== undefined));
  });
});
