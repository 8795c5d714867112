import { z } from 'zod';

// Zod probes `new Function` when the first schema is built, to compile faster parsers. The CSP
// forbids eval, so the probe would be reported as a violation: tell Zod not to try. Imported
// before anything that builds a schema.
z.config({ jitless: true });
