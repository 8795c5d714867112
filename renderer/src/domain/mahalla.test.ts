import { describe, expect, it } from 'vitest';
import { isImportable, mahallaKey, mahallasToTable, planMahallaImport } from './mahalla';

const existing = [{ uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' }];

describe('mahalla import', () => {
  it('reads a header in any language and fills missing scripts as suggestions', () => {
    const plan = planMahallaImport(
      [
        ['Кириллча', 'Русский'],
        ['Қўрғонча', 'Кургонча'],
        ['Янгиобод', ''],
      ],
      [],
    );
    expect(plan.header).toBe(true);
    expect(plan.rows[0]).toMatchObject({ line: 2, name: { uzLatn: 'Qoʻrgʻoncha', uzCyrl: 'Қўрғонча', ru: 'Кургонча' }, suggested: ['uzLatn'] });
    expect(plan.rows[1]).toMatchObject({ line: 3, name: { uzLatn: 'Yangiobod', uzCyrl: 'Янгиобод', ru: 'Янгиобод' }, suggested: ['uzLatn', 'ru'] });
    expect(plan.rows.every(isImportable)).toBe(true);
  });

  it('without a header takes the export order, and a lone Cyrillic name goes to the Cyrillic column', () => {
    const plan = planMahallaImport([["Bog'ishamol", 'Боғишамол', 'Богишамол'], ['Ғалаба']], []);
    expect(plan.header).toBe(false);
    expect(plan.rows[0]!.name).toEqual({ uzLatn: 'Bogʻishamol', uzCyrl: 'Боғишамол', ru: 'Богишамол' });
    expect(plan.rows[1]!.name).toEqual({ uzLatn: 'Gʻalaba', uzCyrl: 'Ғалаба', ru: 'Галаба' });
  });

  it('reports every problem per row instead of dropping the row', () => {
    const plan = planMahallaImport(
      [
        ['uz_latn', 'uz_cyrl', 'ru'],
        ["Navro'z MFY", '', ''],
        ['Tinchlik', 'Tinchlik', 'Тинчлик'],
        ['Yangiobod', 'Янгиобод', 'Янгиобод'],
        ['Yangiobod mahallasi', '', ''],
        ['x'.repeat(200), '', ''],
      ],
      existing,
    );
    expect(plan.rows.map((row) => row.errors)).toEqual([
      { row: 'duplicate' },
      { uzCyrl: 'notCyrillic' },
      {},
      { row: 'duplicateInFile' },
      { uzLatn: 'tooLong', uzCyrl: 'tooLong', ru: 'tooLong' },
    ]);
    expect(plan.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('skips blank lines but keeps line numbers true to the file', () => {
    const plan = planMahallaImport([['Tinchlik'], [''], ['  '], ['Guliston']], []);
    expect(plan.rows.map((row) => [row.line, row.name.uzLatn])).toEqual([
      [1, 'Tinchlik'],
      [4, 'Guliston'],
    ]);
  });

  it('round-trips the export', () => {
    const names = [existing[0]!, { uzLatn: 'Tinchlik', uzCyrl: 'Тинчлик', ru: 'Тинчлик' }];
    const plan = planMahallaImport(mahallasToTable(names), []);
    expect(plan.rows.map((row) => row.name)).toEqual(names);
  });

  it('does not take a first row of ordinary names for a header', () => {
    const plan = planMahallaImport([['Navruz'], ['Ruhobod'], ['Qoraqurum']], []);
    expect(plan.header).toBe(false);
    expect(plan.rows.map((row) => row.name.uzLatn)).toEqual(['Navruz', 'Ruhobod', 'Qoraqurum']);
    expect(planMahallaImport([['Nomi (lotincha)', 'Русский'], ['Tinchlik', 'Тинчлик']], []).header).toBe(true);
  });

  it('folds spellings of one mahalla to one key', () => {
    expect(mahallaKey("Navro'z fuqarolar yig'ini")).toBe(mahallaKey('Navroʻz MFY'));
    expect(mahallaKey('Наврўз')).toBe(mahallaKey("Navro'z MFY"));
    expect(mahallaKey('Navroʻz mahallasi')).toBe('navroz');
  });
});
