import { describe, expect, it } from 'vitest';
import { classifyMove, initialMark, type HistoryMark } from '../../src/cms/history-moves.ts';

describe('how the address changed, without the Navigation API', () => {
  const at = (position: number, furthest: number, length: number): HistoryMark => ({ position, furthest, length });

  it('takes a new entry that grew the history for a typed address', () => {
    expect(classifyMove(at(1, 1, 2), undefined, 3)).toEqual(['push', at(2, 2, 3)]);
  });

  it('takes a return to a stamped entry for the back or forward button', () => {
    expect(classifyMove(at(2, 2, 3), 1, 3)).toEqual(['traverse', at(1, 2, 3)]);
    expect(classifyMove(at(1, 2, 3), 2, 3)).toEqual(['traverse', at(2, 2, 3)]);
  });

  it('takes an address typed after going back for a push, though the history did not grow', () => {
    // Back from b to a, then c typed: the history holds a, c, its length unchanged.
    const [move, mark] = classifyMove(at(1, 2, 3), undefined, 3);
    expect(move).toBe('push');
    expect(mark).toEqual(at(2, 2, 3));
  });

  it('takes a new entry in place of the last one for Decap’s own replacement', () => {
    expect(classifyMove(at(2, 2, 3), undefined, 3)).toEqual(['replace', at(2, 2, 3)]);
  });

  it('starts at the stamped entry after a reload, else at the end', () => {
    expect(initialMark(at(3, 4, 5), 1, 5)).toEqual(at(1, 4, 5));
    expect(initialMark(undefined, undefined, 4)).toEqual(at(3, 3, 4));
    expect(initialMark(undefined, 2, 4)).toEqual(at(3, 3, 4));
  });
});
