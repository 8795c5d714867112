import type { SchemaVersion } from './types';

/**
 * Accounts: usernames (unique) on users, and the credentials table that holds each account's
 * password hash and failed-login count, apart from the users table so that nothing that lists or
 * exports users can reach a hash. Users made before accounts get a username, no phone, no
 * mahallas; the first administrator also becomes a supervisor, the roles first-run setup now gives.
 * They have no password yet: the login screen asks the administrator to set one (once, while no
 * account in the office has a password).
 */
export const v003Accounts: SchemaVersion = {
  version: 3,
  stores: {
    users: 'id, &username',
    credentials: 'id',
  },
  async upgrade(transaction) {
    const taken = new Set<string>();
    await transaction
      .table('users')
      .toCollection()
      .modify((user: Record<string, unknown>) => {
        const roles = (user.roles as string[] | undefined) ?? [];
        const base = roles.includes('administrator') ? 'admin' : 'user';
        let username = base;
        for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
        taken.add(username);
        user.username = username;
        user.phone ??= null;
        user.specialistId ??= null;
        user.mahallaIds ??= [];
        if (roles.includes('administrator') && !roles.includes('supervisor')) user.roles = [...roles, 'supervisor'];
      });
    // The PC no longer picks a user: someone logs in.
    await transaction.table('settings').delete('currentUserId');
  },
};
