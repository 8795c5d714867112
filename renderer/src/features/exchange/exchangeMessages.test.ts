import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../app/i18n';
import { EXCHANGE_KEYS_SETTING } from '../../db/exchange/exchangeKeys';
import { formatDateTime } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { ExchangeError, type RecoveryKeyProblem } from '../../exchange';
import type { UiLanguage } from '../../host/hostApi';
import { HostStreamError } from '../../host/streams';
import { describeFailure, describeTransferFailure, EXCHANGE_ERROR_CODES, HOST_ERROR_CODES, isCancelled } from './exchangeMessages';

const LANGUAGES: UiLanguage[] = ['uz-Latn', 'uz-Cyrl', 'ru', 'en'];
const PROBLEMS: RecoveryKeyProblem[] = ['length', 'character', 'checksum'];

/** Every failure a backup or restore can end in, as the UI would describe it. */
function everyFailure() {
  return [
    ...EXCHANGE_ERROR_CODES.map((code) => describeFailure(new ExchangeError(code, { blockIndex: 6 }))),
    ...PROBLEMS.map((problem) => describeFailure(new ExchangeError('recoveryKeyMalformed', { problem }))),
    ...['table', 'field', 'record'].map((reason) => describeFailure(new ExchangeError('damagedAt', { blockIndex: 6, reason, field: 'cases.income' }))),
    ...HOST_ERROR_CODES.map((code) => describeFailure(new HostStreamError({ code }))),
    describeFailure(new DomainError('duplicate')),
    describeFailure(new DomainError('notFound')),
    describeFailure(new DomainError('notFound', EXCHANGE_KEYS_SETTING)),
    describeFailure(new DomainError('forbidden')),
    describeFailure(new DomainError('storageFull')),
    describeFailure(new DomainError('transferTooLarge', '', { records: 250_000, max: 200_000 })),
  ];
}

describe('exchange failure messages', () => {
  it('every exchange and host error code has its own message in every language', async () => {
    for (const language of LANGUAGES) {
      const i18n = await initI18n(language);
      for (const failure of everyFailure()) {
        expect(i18n.exists(failure.key, { lng: language, fallbackLng: false }), `${language} ${failure.key}`).toBe(true);
        expect(i18n.t(failure.key, failure.values)).not.toMatch(/\{\{|\$t\(/u);
      }
    }
  });

  it('names the damaged block as people count (from 1) and tells a wrong passphrase from damage', async () => {
    const i18n = await initI18n('uz-Latn');
    const damaged = describeFailure(new ExchangeError('damagedAt', { blockIndex: 2, reason: 'tag' }));
    expect(i18n.t(damaged.key, damaged.values)).toBe('Fayl 3-blokda shikastlangan. Boshqa nusxadan foydalaning.');
    expect(damaged.detail).toBe('damagedAt tag block:2');
    const wrong = describeFailure(new ExchangeError('wrongPassphrase'));
    expect(wrong).toEqual({ key: 'exchange:error.wrongPassphrase', secret: true });
    expect(i18n.t(wrong.key)).toBe('Parol iborasi notoʻgʻri.');
    expect(describeFailure(new ExchangeError('damaged', { reason: 'checksum' })).secret).toBeUndefined();
  });

  it('a file with a table or a field this version does not know names it and asks for an update, not for another copy', async () => {
    const field = describeFailure(new ExchangeError('damagedAt', { blockIndex: 4, reason: 'field', field: 'cases.income' }));
    expect(field).toEqual({ key: 'exchange:error.content.field', values: { block: 5, name: 'cases.income' }, detail: 'damagedAt field block:4' });
    expect(describeTransferFailure(new ExchangeError('damagedAt', { blockIndex: 4, reason: 'field', field: 'cases.income' }))).toEqual(field);
    const ru = await initI18n('ru');
    expect(ru.t(field.key, field.values)).toBe('В файле есть поле, неизвестное этой версии Hamkorlik (cases.income, блок 5). Возможно, файл создан более новой версией: обновите приложение на этом компьютере. Ничего не изменено.');
    const table = describeFailure(new ExchangeError('damagedAt', { blockIndex: 0, reason: 'table', field: 'payments' }));
    const cyrl = await initI18n('uz-Cyrl');
    expect(cyrl.t(table.key, table.values)).toMatch(/^Файлда Hamkorlikнинг бу версияси билмайдиган маълумотлар бор \(payments, 1-блок\)/u);
  });

  it('tells the sender how many records the picked cases hold against what one transfer file may carry', async () => {
    const failure = describeFailure(new DomainError('transferTooLarge', '250000 records', { records: 250_000, max: 200_000 }));
    expect(failure.key).toBe('errors:domain.transferTooLarge');
    const i18n = await initI18n('ru');
    // Digits grouped as people read them.
    expect(i18n.t(failure.key, failure.values)).toMatch(/^Записей в выбранных случаях: 250\s000, а один файл передачи может содержать не более 200\s000/u);
  });

  it('says "not set up" only when the exchange keys are missing; a case gone meanwhile is a record not found', () => {
    expect(describeFailure(new DomainError('notFound', EXCHANGE_KEYS_SETTING))).toEqual({ key: 'exchange:error.notConfigured' });
    expect(describeFailure(new DomainError('notFound', 'case-17'))).toEqual({ key: 'errors:domain.notFound' });
  });

  it('shows host failures met while streaming with their detail, and hides anything unexpected behind a translated message', () => {
    expect(describeFailure(new HostStreamError({ code: 'disk-full', detail: 'write:ENOSPC' }))).toEqual({ key: 'errors:host.disk-full', detail: 'write:ENOSPC' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(describeFailure(new TypeError('x is undefined'))).toEqual({ key: 'errors:domain.unexpected' });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('takes a Cancel for a cancel whatever was thrown', () => {
    const controller = new AbortController();
    expect(isCancelled(new Error('io'), controller.signal)).toBe(false);
    expect(isCancelled(new DOMException('stop', 'AbortError'), controller.signal)).toBe(true);
    controller.abort();
    expect(isCancelled(new ExchangeError('truncated'), controller.signal)).toBe(true);
  });

  it('tells transfer refusals apart from backup ones, in every language', async () => {
    const failures = [
      describeTransferFailure(new ExchangeError('wrongKind', { reason: 'backup' })),
      describeTransferFailure(new ExchangeError('wrongKind', { reason: 'transfer' }), 'receipt'),
      describeTransferFailure(new ExchangeError('damagedAt', { blockIndex: 3, reason: 'table', field: 'payments' })),
      describeTransferFailure(new ExchangeError('damagedAt', { blockIndex: 3, reason: 'field', field: 'cases.income' })),
      describeTransferFailure(new ExchangeError('damagedAt', { blockIndex: 3, reason: 'record' })),
      describeTransferFailure(new ExchangeError('damagedAt', { blockIndex: 3, reason: 'value', field: 'cases.stage', unknownValue: 'aftercare' })),
      describeTransferFailure(new ExchangeError('invalidInput', { reason: 'planGoalMissing', caseNumber: 'YNG-2026-0007' })),
      ...['tooManyRecords', 'manifest', 'duplicateId', 'otherCase', 'idClash', 'receipt'].map((reason) => describeTransferFailure(new ExchangeError('damaged', { reason }))),
      describeTransferFailure(new DomainError('notFound', 't-1'), 'receipt'),
      describeTransferFailure(new ExchangeError('invalidInput', { reason: 'pinflTaken' })),
      describeTransferFailure(new ExchangeError('invalidInput', { reason: 'receiptOtherOffice' }), 'receipt'),
      describeTransferFailure(new ExchangeError('invalidInput', { reason: 'alreadyReceived', at: '2026-12-05T09:30:00.000Z' })),
      describeTransferFailure(new ExchangeError('invalidInput', { reason: 'ownTransfer', at: '2026-12-04T09:30:00.000Z' })),
      describeTransferFailure(new ExchangeError('invalidInput', { reason: 'ownTransfer' })),
      describeTransferFailure(new ExchangeError('wrongKey')),
    ];
    expect(failures.map((f) => f.key)).toEqual([
      'exchange:transferError.wrongKind',
      'exchange:transferError.wrongKindReceipt',
      'exchange:error.content.table',
      'exchange:error.content.field',
      'exchange:error.content.record',
      'exchange:error.content.value',
      'exchange:transferError.planGoalMissing',
      ...['tooManyRecords', 'manifest', 'duplicateId', 'otherCase', 'idClash', 'receipt'].map((reason) => `exchange:transferError.${reason}`),
      'exchange:transferError.unknownTransfer',
      'exchange:transferError.pinflTaken',
      'exchange:transferError.receiptOtherOffice',
      // Received before, or this office's own file: when, as the exchange log shows it.
      'exchange:transferError.alreadyReceived',
      'exchange:transferError.ownTransferSent',
      'exchange:transferError.ownTransfer',
      // The office key on a file made under an agreed passphrase: said at the field, pointing to the passphrase.
      'exchange:transferError.wrongKey',
    ]);
    expect(failures.at(-1)!.secret).toBe(true);
    expect(failures[5]!.values).toEqual({ block: 4, name: 'cases.stage', value: 'aftercare' });
    expect(failures[6]!.values).toEqual({ case: 'YNG-2026-0007' });
    expect(failures[2]!.values).toEqual({ block: 4, name: 'payments' });
    expect(failures.at(-4)!.values).toEqual({ when: formatDateTime('2026-12-05T09:30:00.000Z') });
    expect(failures.at(-4)!.values!.when).toMatch(/^05\.12\.2026 \d\d:30$/u);
    // Anything else reads as for a backup: a wrong passphrase stays at the field.
    expect(describeTransferFailure(new ExchangeError('wrongPassphrase'))).toEqual({ key: 'exchange:error.wrongPassphrase', secret: true });
    expect(describeTransferFailure(new ExchangeError('damaged', { reason: 'checksum' })).key).toBe('exchange:error.damaged');
    for (const language of LANGUAGES) {
      const i18n = await initI18n(language);
      for (const failure of failures) {
        expect(i18n.exists(failure.key, { lng: language, fallbackLng: false }), `${language} ${failure.key}`).toBe(true);
        expect(i18n.t(failure.key, failure.values)).not.toMatch(/\{\{/u);
      }
    }
  });
});
