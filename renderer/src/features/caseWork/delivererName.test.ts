import { describe, expect, it } from 'vitest';
import { delivererName, specialistChoices } from './useResponsibleName';

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

describe('what a specialist select offers (the service dialog, the plan editor)', () => {
  const directory = [
    { id: 's1', fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' as const }, deletedAt: null },
    { id: 's2', fullName: { latn: 'Rahimov Anvar', cyrl: 'Раҳимов Анвар', typed: 'latn' as const }, deletedAt: '2026-11-01T09:00:00.000Z' },
  ];
  const unknown = 'a specialist of another office';

  it('the current specialists only, when nothing or one of them is chosen', () => {
    expect(specialistChoices(directory, null, 'uz-Latn', unknown)).toEqual([{ id: 's1', label: 'Karimova Dilnoza' }]);
    expect(specialistChoices(directory, 's1', 'uz-Cyrl', unknown)).toEqual([{ id: 's1', label: 'Каримова Дилноза' }]);
  });

  it('a chosen specialist removed since is still offered by name, so the select does not go blank', () => {
    expect(specialistChoices(directory, 's2', 'uz-Latn', unknown)).toEqual([
      { id: 's1', label: 'Karimova Dilnoza' },
      { id: 's2', label: 'Rahimov Anvar' },
    ]);
  });

  it('a chosen specialist of another office (come with a transfer) is offered as such', () => {
    expect(specialistChoices(directory, 's-elsewhere', 'ru', unknown)).toEqual([
      { id: 's1', label: 'Каримова Дилноза' },
      { id: 's-elsewhere', label: unknown },
    ]);
  });
});
