/** "Did you mean": typos find their word, unrelated words find nothing. */
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../src/scenario/suggest.js';

describe('suggest', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('platfrom', 'platform')).toBe(1);
    expect(editDistance('comission', 'commission')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds typos, ignoring case', () => {
    expect(suggest('pay2rank', ['relevance', 'pay-to-rank', 'random'])).toBe('pay-to-rank');
    expect(suggest('Commission', ['commission', 'subscription'])).toBe('commission');
    expect(suggest('e1', ['E01', 'C01', 'W01'])).toBe('E01');
  });

  it('stays quiet when nothing is close', () => {
    expect(suggest('middle', ['east', 'central', 'west'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
});
