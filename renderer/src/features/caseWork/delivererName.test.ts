import { describe, expect, it } from 'vitest';
import { delivererName } from './useResponsibleName';

const text = { caseManager: 'the case manager', unknown: 'a specialist of another office' };
const specialists = [{ id: 's1', fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' as const } }];

describe('who delivered a service, in the services log', () => {
  it('the case manager when no specialist, the specialist by name in the screen’s script, another office’s specialist not taken for the case manager', () => {
    expect(delivererName(null, specialists, 'uz-Latn', text)).toBe('the case manager');
    expect(delivererName('s1', specialists, 'uz-Latn', text)).toBe('Karimova Dilnoza');
    expect(delivererName('s1', specialists, 'uz-Cyrl', text)).toBe('Каримова Дилноза');
    // An id that came with a transfer and was matched to no one here.
    expect(delivererName('s-elsewhere', specialists, 'ru', text)).toBe('a specialist of another office');
  });
});
