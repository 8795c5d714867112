import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'react-redux';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { ServicesProvider, type Services } from '../../app/services';
import { createStore } from '../../app/store';
import { planMerge, previewTransfer, writeTransfer } from '../../db/exchange';
import { chunksOf, memoryFile, transferOffice } from '../../db/exchange/testing';
import type { IsoDate } from '../../domain/dates';
import { newRecordMeta } from '../../domain/record';
import { KDF_MIN } from '../../exchange';
import type { UiLanguage } from '../../host/hostApi';
import { createMemoryHost } from '../../host/memoryHost';
import { TransferredAlert } from '../cases';
import { conflictKey } from './conflicts';
import { ConflictList } from './ConflictList';
import { TransferPreviewView } from './TransferPreviewView';

const KEYS = { passphrase: 'Buxoro–Gʻijduvon 2026', kdf: KDF_MIN };

/** The markup a component renders with the app's providers (no DOM: what the server renderer gives). */
async function render(language: UiLanguage, services: Partial<Services>, element: ReactNode): Promise<string> {
  const i18n = await initI18n(language);
  const host = createMemoryHost();
  const store = createStore({ host, i18n, language });
  const withServices = createElement(ServicesProvider, { services: { host, ...services } as Services, children: element });
  const tree = createElement(Provider, { store, children: createElement(I18nextProvider, { i18n, children: withServices }) });
  return renderToStaticMarkup(tree).replace(/<[^>]+>/gu, ' ');
}

describe('the transfer views render what the data layer gives', () => {
  it('the preview, the conflicts with readable names, and the transferred case’s alert', async () => {
    const a = await transferOffice('V-A', 11);
    const b = await transferOffice('V-B', 12);
    const kase = (await a.db.cases.filter((c) => c.deletedAt === null).first())!;
    const personIds = (await a.db.memberships.where('caseId').equals(kase.id).toArray()).map((m) => m.personId);
    const known = (await a.db.persons.bulkGet(personIds)).find((p) => p?.pinfl)!;
    const bPersonId = crypto.randomUUID();
    await b.db.persons.put({ ...known, ...newRecordMeta(b.db.writeContext(), bPersonId), healthNotes: 'Bʼs note' });
    // A specialist of A's directory delivered a service to the family: B can match them to one of its own.
    const context = a.db.writeContext();
    const specialist = { ...newRecordMeta(context), fullName: { latn: 'Yoʻldosheva Nilufar', cyrl: 'Йўлдошева Нилуфар', typed: 'latn' as const }, agencyId: 'agency-a', position: { uzLatn: 'Psixolog', uzCyrl: 'Психолог', ru: 'Психолог' }, phone: null, mahallaIds: [], trainedOn: null, userId: null };
    await a.db.specialists.put(specialist as never);
    await a.db.services.put({ ...newRecordMeta(context), caseId: kase.id, actionId: null, date: '2026-11-20' as IsoDate, kind: 'consultation', deliveredBy: specialist.id, description: '', recipients: [], result: '' });
    const file = memoryFile();
    await writeTransfer(a.db, KEYS, file, { caseIds: [kase.id], mode: 'custody' });
    const preview = await previewTransfer(b.db, () => chunksOf(file.bytes()), { passphrase: KEYS.passphrase });
    const plan = await planMerge(b.db, preview);

    const localRefs = { users: [{ id: 'u-here', label: 'Karimova Dilnoza' }], mahallas: [{ id: 'm-here', label: 'Navroʻz' }], specialists: [{ id: 's-here', label: 'Toshmatov Anvar (Psixolog)' }] };
    const props = { preview, fileName: 'transfer.hmk', accepted: new Set<string>(), onAccept: () => undefined, localRefs, onMap: () => undefined, disabled: false };
    const shown = await render('en', { db: b.db }, createElement(TransferPreviewView, { ...props, mapped: {} }));
    expect(shown).toContain('Custody transfer');
    // The other office's accounts and its specialist have no namesake here: each can be matched by hand to one here, theirs kept until then.
    const unmatched = preview.refs.filter((ref) => ref.match === 'none' && !ref.suggestion && ['users', 'mahallas', 'specialists'].includes(ref.table));
    expect(unmatched.filter((ref) => ref.table === 'users').length).toBeGreaterThan(0);
    expect(unmatched.filter((ref) => ref.table === 'specialists').map((ref) => ref.id)).toEqual([specialist.id]);
    expect(unmatched.every((ref) => ref.table !== 'mahallas')).toBe(true);
    expect(shown).toContain('Choose the same one here');
    expect(shown).toContain('Yoʻldosheva Nilufar');
    expect(shown.match(/Keep the other office(?:&#x27;|')s entry/gu)).toHaveLength(unmatched.length);
    const chosen = await render('en', { db: b.db }, createElement(TransferPreviewView, { ...props, mapped: Object.fromEntries(unmatched.map((ref) => [`${ref.table}:${ref.id}`, ref.table === 'users' ? 'u-here' : 's-here'])) }));
    expect(chosen.match(/Karimova Dilnoza/gu)).toHaveLength(unmatched.length - 1);
    expect(chosen).toContain('Toshmatov Anvar (Psixolog)');
    expect(chosen).not.toMatch(/Keep the other office/u);
    expect(shown).toContain(kase.caseNumber);
    expect(shown).toMatch(/the same person by PINFL: 1/u);

    const choices = { [conflictKey('persons', bPersonId, ['healthNotes'])]: 'incoming' as const };
    const conflicts = await render('ru', { db: b.db }, createElement(ConflictList, { plan, local: { users: await b.db.users.toArray(), mahallas: await b.db.mahallas.toArray(), specialists: [] }, choices, onChoose: () => undefined, onChooseAll: () => undefined, disabled: false }));
    expect(conflicts).toContain(known.surname.cyrl);
    expect(conflicts).toContain('Bʼs note');
    expect(conflicts).toContain('Взять их');

    const sent = (await a.db.cases.get(kase.id))!;
    const alert = await render('uz-Latn', { db: a.db }, createElement(TransferredAlert, { kase: sent }));
    expect(alert).toContain('boshqa boʻlim');
    expect(alert).toContain('24.11.2026');
  });
});
