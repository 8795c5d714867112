export { MahallaEditor, type MahallaItem } from './MahallaEditor';
