import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one client of the pool: COMMIT when it resolves, ROLLBACK when it
 * throws (the error is rethrown). A client whose ROLLBACK failed is dropped from the pool, not reused.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
