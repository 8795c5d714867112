export { MonitoringTab } from './MonitoringTab';
