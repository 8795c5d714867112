export { AccountsPage } from './AccountsPage';
export { LockScreen } from './LockScreen';
export { LoginPage } from './LoginPage';
export { UserMenu } from './UserMenu';
export { useIdleLock } from './useIdleLock';
export { PasswordFields, type NewPassword } from './PasswordFields';
