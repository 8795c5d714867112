import { createContext, useContext, type ReactNode } from 'react';
import type { DatabaseDirectory } from '../db/activeDatabase';
import type { HamkorlikDb } from '../db/db';
import type { AppInfo, HostApi } from '../host/hostApi';

/** What the composition root hands to every feature: the host, the open database and app facts. */
export interface Services {
  host: HostApi;
  db: HamkorlikDb;
  appInfo: AppInfo;
  /** Where `db` was opened from; a restore stages a new database through it and moves the pointer. */
  directory: DatabaseDirectory;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
