/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

interface ImportMetaEnv {
  /** Development server only: how many generated families to load into an empty database (`npm run seed`). */
  readonly VITE_DEMO_FAMILIES?: string;
}
