import { describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import type { AuditEntry } from '../../domain/audit';
import { DOCUMENT_KINDS } from '../../domain/documentRegister';
import { describeEntry } from './describeEntry';

const base = { id: 'e1', at: '2026-11-23T08:00:00.000Z', userId: 'u1', installationId: 'i1' };
const names = { user: () => 'Karimova D.', mahalla: (id: string) => (id === 'm1' ? 'Navroʻz' : '—') };

async function describeIn(language: 'ru' | 'uz-Cyrl' | 'uz-Latn', entry: AuditEntry): Promise<string> {
  const i18n = await initI18n(language);
  return describeEntry(i18n.getFixedT(language, 'cases'), entry, language, names);
}

describe('audit entries in the reader’s language', () => {
  it('an account change reads with the form’s labels, roles and mahallas by name', async () => {
    const entry: AuditEntry = {
      ...base,
      table: 'users',
      recordId: 'u2',
      op: 'update',
      changes: [
        { field: 'roles', from: ['caseManager'], to: ['caseManager', 'supervisor'] },
        { field: 'mahallaIds', from: [], to: ['m1'] },
        { field: 'active', from: true, to: false },
      ],
    };
    const ru = await describeIn('ru', entry);
    expect(ru).toContain('Роли');
    expect(ru).toContain('Кейс-менеджер, Супервизор');
    expect(ru).toContain('Navroʻz');
    expect(ru).toContain('Отключена');
    expect(ru).not.toMatch(/caseManager|mahallaIds|true|false/u);
    expect(await describeIn('uz-Cyrl', entry)).toContain('Роллар');
  });

  it('refusals, failed logins and password changes say what happened, never a secret', async () => {
    const refused: AuditEntry = { ...base, table: 'cases', recordId: 'c1', op: 'refused', changes: [], detail: 'read case' };
    expect(await describeIn('ru', refused)).toBe('Не разрешено: открыть случай');
    const tableCheck: AuditEntry = { ...refused, detail: 'write settings' };
    expect(await describeIn('uz-Latn', tableCheck)).toBe('Ruxsat etilmagan: oʻzgartirish: Sozlama');
    const unknown: AuditEntry = { ...base, table: 'users', recordId: '*', op: 'loginFailed', changes: [] };
    expect(await describeIn('ru', unknown)).toBe('Неизвестное имя пользователя');
    const password: AuditEntry = { ...base, table: 'credentials', recordId: 'u2', op: 'update', changes: [{ field: 'hash', from: null, to: null }] };
    expect(await describeIn('ru', password)).toBe('Пароль задан или изменён');
    const counter: AuditEntry = { ...password, changes: [{ field: 'failedAttempts', from: 2, to: 3 }, { field: 'lastFailedAt', from: null, to: 'x' }] };
    expect(await describeIn('ru', counter)).toBe('Неверных паролей подряд: 3');
  });
});

describe('register entries in the audit', () => {
  it('name every kind of document and its language in the reader’s words', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const entry: AuditEntry = { ...base, table: 'documents', recordId: 'd1', op: 'create', changes: [{ field: 'kind', from: undefined, to: kind }, { field: 'language', from: undefined, to: 'uz-Cyrl' }] };
      const ru = await describeIn('ru', entry);
      expect(ru).not.toContain(kind);
      expect(ru).toMatch(/^Документ: .+; Язык: Узбекский \(кириллица\)$/u);
    }
    const plan: AuditEntry = { ...base, table: 'documents', recordId: 'd1', op: 'create', changes: [{ field: 'kind', from: undefined, to: 'familyPlan' }] };
    expect(await describeIn('uz-Latn', plan)).toBe('Hujjat: Oilani rivojlantirish rejasi');
    expect(await describeIn('ru', { ...plan, changes: [{ field: 'kind', from: undefined, to: 'taskSheet' }] })).toBe('Документ: Лист заданий');
  });
});
