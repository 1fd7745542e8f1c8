import { describe, expect, it } from 'vitest';
import { createTestEngine, assertThatInstance } from '../../src/testing/index.js';
import { fixture } from '../fixture.js';

const v1 = fixture('approval.bpmn');
const v2 = v1.replace('name="Review request"', 'name="Review request (v2)"').replace('camunda:formKey="review-form"', 'camunda:formKey="review-form-v2"');

describe('deploy and versions', () => {
  it('numbers versions per key and returns the latest for identical content', async () => {
    // given
    const engine = createTestEngine();
    // when
    const first = await engine.deploy(v1);
    const again = await engine.deploy({ xml: Buffer.from(v1), name: 'approval.bpmn' });
    const second = await engine.deploy(v2);
    // then
    expect(first).toMatchObject([{ key: 'approval', version: 1, id: 'approval:1', isNew: true }]);
    expect(again).toMatchObject([{ key: 'approval', version: 1, isNew: false }]);
    expect(second).toMatchObject([{ key: 'approval', version: 2, id: 'approval:2', isNew: true }]);
  });

  it('keeps running instances on the version they started with while new ones take the latest', async () => {
    // given an instance waiting on version 1
    const engine = createTestEngine();
    engine.handle('notify', () => ({ notified: true }));
    await engine.deploy(v1);
    const old = await engine.start('approval', { variables: { requester: 'bob' } });
    // when version 2 is deployed and another instance starts
    await engine.deploy(v2);
    const fresh = await engine.start('approval', { variables: { requester: 'bob' } });
    // then each task comes from its own version
    const [oldTask] = await engine.listTasks({ instanceId: old.id });
    const [newTask] = await engine.listTasks({ instanceId: fresh.id });
    expect(old.version).toBe(1);
    expect(fresh.version).toBe(2);
    expect(oldTask.formKey).toBe('review-form');
    expect(newTask.formKey).toBe('review-form-v2');
    // and the old instance still finishes on version 1
    await engine.completeTask(oldTask.id, { variables: { approved: true } });
    await assertThatInstance(engine, old.id).isCompleted();
    expect((await engine.getInstance(old.id)).definitionId).toBe('approval:1');
  });

  it('starts an explicit version on request and lists instance counts per version', async () => {
    // given two versions
    const engine = createTestEngine();
    await engine.deploy(v1);
    await engine.deploy(v2);
    // when
    const pinned = await engine.start('approval', { version: 1, variables: { requester: 'x' } });
    await engine.start('approval', { variables: { requester: 'x' } });
    await engine.start('approval', { variables: { requester: 'x' } });
    // then
    expect(pinned.version).toBe(1);
    const definitions = await engine.listDefinitions();
    expect(definitions.map(({ id, instances }) => ({ id, active: instances.active }))).toEqual([
      { id: 'approval:1', active: 1 },
      { id: 'approval:2', active: 2 },
    ]);
  });

  it('refuses unknown keys and versions with DEFINITION_NOT_FOUND', async () => {
    const engine = createTestEngine();
    await engine.deploy(v1);
    await expect(engine.start('nope')).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    await expect(engine.start('approval', { version: 9 })).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
  });

  it('saves nothing when a file is invalid', async () => {
    // given a file with one good and one broken process
    const engine = createTestEngine();
    const broken = v1.replace('</bpmn:definitions>', '<bpmn:process id="other" isExecutable="true"><bpmn:startEvent id="s2" /><bpmn:complexGateway id="cx" /></bpmn:process></bpmn:definitions>');
    // when
    await expect(engine.deploy(broken)).rejects.toMatchObject({ code: 'UNSUPPORTED_ELEMENT' });
    // then
    expect(await engine.listDefinitions()).toEqual([]);
  });

  it('rejects bad arguments with INVALID_ARGUMENT', async () => {
    const engine = createTestEngine();
    await engine.deploy(v1);
    await expect(engine.start('approval', { variables: { f: () => 1 } as never })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.start('approval', { bogus: 1 } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.listTasks({ limit: -1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
