import { memoryStore } from '../../src/store/memory-store.js';
import { describeStoreContract } from '../../test-support/store-contract.js';

describeStoreContract('memory', async () => ({ store: memoryStore(), close: async () => {} }));
