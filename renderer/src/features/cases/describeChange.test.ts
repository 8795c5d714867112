import { describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { describeValue } from './describeChange';

describe('a stored value as a person reads it', () => {
  it('translates kinds and statuses of services, placements, plan actions and plans, and yes or no, in each language', async () => {
    const i18n = await initI18n('uz-Latn');
    const t = i18n.getFixedT('uz-Latn', 'cases');
    expect(describeValue(t, 'kind', 'consultation', 'uz-Latn')).toBe('Maslahat');
    expect(describeValue(t, 'kind', 'institution', 'uz-Latn')).toBe('muassasaga joylashtirilgan');
    expect(describeValue(t, 'status', 'inProgress', 'uz-Latn')).toBe('Bajarilmoqda');
    expect(describeValue(t, 'status', 'approved', 'uz-Latn')).toBe('tasdiqlangan');
    expect(describeValue(t, 'active', true, 'uz-Latn')).toBe('ha');
    // A kind this list does not name stays as it is.
    expect(describeValue(t, 'kind', 'member', 'uz-Latn')).toBe('member');
    const ru = i18n.getFixedT('ru', 'cases');
    expect(describeValue(ru, 'active', false, 'ru')).toBe('нет');
    expect(describeValue(ru, 'kind', 'consultation', 'ru')).not.toBe('consultation');
    const cyrl = i18n.getFixedT('uz-Cyrl', 'cases');
    expect(describeValue(cyrl, 'status', 'done', 'uz-Cyrl')).toMatch(/^[А-Яа-яЎўҚқҒғҲҳЁё ]+$/u);
  });

  it('shows a list of records one after another without their ids, and an empty list as a dash', async () => {
    const i18n = await initI18n('ru');
    const t = i18n.getFixedT('ru', 'cases');
    const actions = [
      { id: 'a1', goalId: 'g1', description: 'Посетить школу', deadline: '2026-12-20', status: 'done', droppedReason: '' },
      { id: 'a2', goalId: 'g1', description: 'Оформить пособие', deadline: '2027-01-15', status: 'planned', droppedReason: '' },
    ];
    expect(describeValue(t, 'actions', actions, 'ru')).toBe('Посетить школу, 20.12.2026, Выполнено; Оформить пособие, 15.01.2027, Запланировано');
    expect(describeValue(t, 'actions', [], 'ru')).toBe('—');
    expect(describeValue(t, 'phones', ['+998 90 111 11 11', '+998 90 222 22 22'], 'ru')).toBe('+998 90 111 11 11, +998 90 222 22 22');
  });
});
