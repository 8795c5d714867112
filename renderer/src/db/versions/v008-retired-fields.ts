import type { SchemaVersion } from './types';

/**
 * Removes the fields earlier upgrades wrote that no record type has (db/recordFields.ts,
 * RETIRED_FIELDS): v003 gave the users made before accounts a `specialistId: null` that nothing
 * read. A restore refuses fields it does not know, so they go before this office's next backup.
 * No index changes.
 */
export const v008RetiredFields: SchemaVersion = {
  version: 8,
  stores: {},
  async upgrade(transaction) {
    await transaction
      .table('users')
      .filter((user: Record<string, unknown>) => Object.hasOwn(user, 'specialistId'))
      .modify((user: Record<string, unknown>) => {
        delete user.specialistId;
      });
  },
};
