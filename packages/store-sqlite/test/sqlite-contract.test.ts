import { sqliteStore } from '../src/sqlite-store.js';
import { describeStoreContract } from '../../engine/test-support/store-contract.js';
import { tempDatabase } from './temp-database.js';

describeStoreContract('sqlite (temp file)', async () => {
  const database = tempDatabase();
  const store = sqliteStore({ file: database.file });
  return {
    store,
    close: async () => {
      store.close();
      database.remove();
    },
  };
});

describeStoreContract('sqlite (:memory:)', async () => {
  const store = sqliteStore({ file: ':memory:' });
  return { store, close: async () => store.close() };
});
