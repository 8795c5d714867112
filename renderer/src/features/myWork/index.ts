export { MyWorkPage } from './MyWorkPage';
export { MyWorkBadge } from './MyWorkBadge';
