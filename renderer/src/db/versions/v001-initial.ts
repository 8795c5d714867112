import type { SchemaVersion } from './types';

/** The first tables: the office profile, settings, users and the office's mahallas. */
export const v001Initial: SchemaVersion = {
  version: 1,
  stores: {
    officeProfile: 'id',
    settings: 'key',
    users: 'id, updatedAt',
    mahallas: 'id, updatedAt',
  },
};
