import { serverAudits } from 'graphql-http';
import { it } from 'vitest';
import { startHardenedApi } from './support.js';
it('probe', async () => {
  const api = await startHardenedApi();
  for (const audit of serverAudits({ url: `${api.url}/graphql` })) {
    const r = await audit.fn();
    if (r.status !== 'ok') console.log(r.status, audit.id, audit.name, '::', (r as any).reason, JSON.stringify((r as any).response?.status ?? ''));
  }
  await api.close();
}, 60000);
