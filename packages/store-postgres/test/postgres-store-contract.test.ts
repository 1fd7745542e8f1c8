import { describe } from 'vitest';
import { describeStoreContract } from '../../engine/test-support/store-contract.js';
import { freshSchema, NEEDS_PG, PG_URL } from './support/fresh-schema.js';

describe.skipIf(!PG_URL)(`postgres store: ${NEEDS_PG}`, () => {
  // every contract test gets an empty schema of its own
  describeStoreContract('postgres', async () => {
    const schema = await freshSchema();
    const store = schema.store();
    return {
      store,
      async close() {
        await store.close();
        await schema.drop();
      },
    };
  });
});
