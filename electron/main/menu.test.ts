import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuLabels } from './menu';

describe('native menu', () => {
  it('speaks the UI language', () => {
    const actions = { print: vi.fn(), printToPdf: vi.fn(), about: vi.fn() };
    const labels = (language: 'uz-Latn' | 'uz-Cyrl' | 'ru') => buildMenuTemplate(menuLabels(language), actions, false).map((item) => item.label);
    expect(labels('uz-Latn')).toEqual(['Fayl', 'Tahrir', 'Koʻrinish', 'Yordam']);
    expect(labels('uz-Cyrl')).toEqual(['Файл', 'Таҳрир', 'Кўриниш', 'Ёрдам']);
    expect(labels('ru')).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
  });

  it('prints through the same actions the toolbar uses, and keeps OS roles for clipboard and zoom', () => {
    const actions = { print: vi.fn(), printToPdf: vi.fn(), about: vi.fn() };
    const [file, edit, view] = buildMenuTemplate(menuLabels('ru'), actions, false);
    const fileItems = file!.submenu as { label?: string; click?: () => void; role?: string }[];
    fileItems[0]!.click!();
    fileItems[1]!.click!();
    expect(actions.print).toHaveBeenCalledOnce();
    expect(actions.printToPdf).toHaveBeenCalledOnce();
    expect(fileItems.map((item) => item.label).filter(Boolean)).toEqual(['Печать…', 'Сохранить как PDF…', 'Выход']);
    expect((edit!.submenu as { role?: string }[]).map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect((view!.submenu as { role?: string }[]).map((item) => item.role)).not.toContain('toggleDevTools');
  });
});
