import type { DBCore, Middleware } from 'dexie';
import { isUpgrade } from './mutationKeys';
import { unknownField } from './recordFields';

/**
 * Refuses a write of a record with a top-level field its table does not list (recordFields.ts). A
 * restore refuses such a record in a backup, so a field written here but not listed would make every
 * later backup of the office impossible to restore; refused at the write, a developer meets it in the
 * tests instead. Typed writes cannot add one (the list is checked against the record types); this
 * catches the untyped ones: `modify` callbacks, casts, records put as they were read.
 * `version`: the schema version the database is declared at (a restore stages older ones), for the
 * fields it still had. Upgrades are released code, never edited: what an old one wrote, a later
 * one removes (RETIRED_FIELDS), and versions/v008-retired-fields.test.ts checks that data upgraded
 * from older versions has only known fields.
 */
export function createFieldsMiddleware(version: number): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'recordFields',
    // Outermost: it sees the records as the app wrote them, before the other layers add their own.
    level: 10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              if ((req.type === 'add' || req.type === 'put') && !isUpgrade(req)) {
                for (const value of req.values) {
                  const field = typeof value === 'object' && value !== null ? unknownField(name, value as object, version) : undefined;
                  if (field !== undefined) return Promise.reject(new Error(`unknownField: ${name}.${field} is not in recordFields.ts`));
                }
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
