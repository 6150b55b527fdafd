// Marks @Public and @Probe put on an operation for the document: `security: []`, and no rate-limit
// headers or 429 on the probes. conformApiDocument reads and removes them.
export const PUBLIC_EXTENSION = 'x-interscambio-public';
export const UNLIMITED_EXTENSION = 'x-interscambio-unlimited';
