/**
 * The name of the per-user data folder (under %APPDATA% on Windows, ~/.config on Linux).
 * IndexedDB, the installation id and logs live there. Changing it strands existing data.
 */
export const USER_DATA_FOLDER = 'Hamkorlik';
