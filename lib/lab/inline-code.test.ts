import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code';

describe('splitInlineCode', () => {
  it('marks the backticked parts as code', () => {
    expect(splitInlineCode('Set `kid` to `../../dev/null` now')).toEqual([
      { code: false, text: 'Set ' },
      { code: true, text: 'kid' },
      { code: false, text: ' to ' },
      { code: true, text: '../../dev/null' },
      { code: false, text: ' now' },
    ]);
  });

  it('leaves text without a matched pair alone', () => {
    expect(splitInlineCode('no code here')).toEqual([{ code: false, text: 'no code here' }]);
    expect(splitInlineCode('an odd ` tick')).toEqual([{ code: false, text: 'an odd ` tick' }]);
  });
});
