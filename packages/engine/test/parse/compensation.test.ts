import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/parse/parse-bpmn.js';
import { parseFixture, parseIssues } from './parse-helpers.js';

describe('compensation', () => {
  it('links each compensated activity to its handler through the compensation boundary association', async () => {
    // given two booking tasks, each with a compensation boundary associated to an isForCompensation task
    const [model] = (await parseBpmn(parseFixture('compensation.bpmn'))).processes;
    // then the attached activities name their handlers, and the handlers are marked
    expect(model.nodes.BookHotel).toMatchObject({ boundaryEvents: ['CompensateHotel'], compensationHandler: 'CancelHotel' });
    expect(model.nodes.BookFlight).toMatchObject({ boundaryEvents: ['CompensateFlight'], compensationHandler: 'CancelFlight' });
    expect(model.nodes.CancelHotel).toMatchObject({ type: 'serviceTask', isForCompensation: true, incoming: [], outgoing: [] });
    expect(model.nodes.CompensateHotel).toMatchObject({ cancelActivity: true, eventDefinition: { type: 'compensate', waitForCompletion: true } });
    expect(model.nodes.BookHotel).not.toHaveProperty('isForCompensation');
  });

  it('compiles compensation throw and end events with activityRef and waitForCompletion', async () => {
    const [model] = (await parseBpmn(parseFixture('compensation.bpmn'))).processes;
    expect(model.nodes.UndoHotel).toMatchObject({
      type: 'intermediateThrowEvent',
      eventDefinition: { type: 'compensate', activityRef: 'BookHotel', waitForCompletion: false },
    });
    expect(model.nodes.UndoAll).toEqual(expect.objectContaining({ type: 'endEvent', eventDefinition: { type: 'compensate', waitForCompletion: true } }));
  });

  it('DANGLING_REFERENCE when the associated activity is not for compensation', async () => {
    // given the hotel handler without isForCompensation
    const xml = parseFixture('compensation.bpmn').replace(
      '<bpmn:serviceTask id="CancelHotel" isForCompensation="true"',
      '<bpmn:serviceTask id="CancelHotel"',
    );
    // then the compensation boundary has no handler
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'DANGLING_REFERENCE', elementId: 'CompensateHotel', path: 'association' })]);
  });

  it('DANGLING_REFERENCE when a compensation throw names something that is not an activity', async () => {
    const xml = parseFixture('compensation.bpmn').replace('activityRef="BookHotel"', 'activityRef="Start"');
    const issues = await parseIssues(xml);
    expect(issues).toEqual([expect.objectContaining({ code: 'DANGLING_REFERENCE', elementId: 'UndoHotel', path: 'activityRef' })]);
  });
});
