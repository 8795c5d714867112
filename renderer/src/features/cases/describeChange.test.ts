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
});
