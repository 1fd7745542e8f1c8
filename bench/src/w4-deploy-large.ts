/**
 * W4: deploy of a generated model with 2,000 service tasks in a chain, with the bpmndi diagram a modeler
 * writes. Pravah's `deploy` on a fresh engine against bpmn-moddle's own `fromXML` of the same text (the
 * floor: Pravah parses with bpmn-moddle) and against bpmn-engine's load (parse + serialize + build).
 */
import { createEngine } from '@pravah/engine';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { atMost, collect, median, moddleExtensions, now, type Row } from './shared.js';

const TASKS = 2_000;
const WARMUP_RUNS = 3;
const RUNS = 9;
const TARGET_FACTOR = 2;

/** A chain start -> task-1 -> ... -> task-N -> end, laid out left to right like a modeler would. */
export function chainXml(tasks: number): string {
  const ids = ['start', ...Array.from({ length: tasks }, (_, index) => `task-${index + 1}`), 'end'];
  const x = (index: number) => 150 + index * 150;
  const process: string[] = ['    <bpmn:startEvent id="start" name="Start"><bpmn:outgoing>flow-0</bpmn:outgoing></bpmn:startEvent>'];
  const shapes: string[] = [
    `      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="${x(0)}" y="182" width="36" height="36" /></bpmndi:BPMNShape>`,
  ];
  const edges: string[] = [];
  for (let index = 1; index <= tasks; index++) {
    process.push(
      `    <bpmn:serviceTask id="task-${index}" name="Step ${index}">`,
      `      <bpmn:extensionElements><zeebe:taskDefinition type="step" retries="3" /></bpmn:extensionElements>`,
      `      <bpmn:incoming>flow-${index - 1}</bpmn:incoming><bpmn:outgoing>flow-${index}</bpmn:outgoing>`,
      `    </bpmn:serviceTask>`,
    );
    shapes.push(
      `      <bpmndi:BPMNShape id="task-${index}_di" bpmnElement="task-${index}"><dc:Bounds x="${x(index)}" y="160" width="100" height="80" /><bpmndi:BPMNLabel /></bpmndi:BPMNShape>`,
    );
  }
  process.push(`    <bpmn:endEvent id="end" name="End"><bpmn:incoming>flow-${tasks}</bpmn:incoming></bpmn:endEvent>`);
  shapes.push(`      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="${x(tasks + 1)}" y="182" width="36" height="36" /></bpmndi:BPMNShape>`);
  for (let index = 0; index <= tasks; index++) {
    process.push(`    <bpmn:sequenceFlow id="flow-${index}" sourceRef="${ids[index]}" targetRef="${ids[index + 1]}" />`);
    edges.push(
      `      <bpmndi:BPMNEdge id="flow-${index}_di" bpmnElement="flow-${index}"><di:waypoint x="${x(index) + 100}" y="200" /><di:waypoint x="${x(index + 1)}" y="200" /></bpmndi:BPMNEdge>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"' +
      ' xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"' +
      ' xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0"' +
      ' id="chain-defs" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.30.0"' +
      ' modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">',
    '  <bpmn:process id="chain" name="Chain" isExecutable="true">',
    ...process,
    '  </bpmn:process>',
    '  <bpmndi:BPMNDiagram id="diagram">',
    '    <bpmndi:BPMNPlane id="plane" bpmnElement="chain">',
    ...shapes,
    ...edges,
    '    </bpmndi:BPMNPlane>',
    '  </bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}

/** Median milliseconds of `RUNS` calls after `WARMUP_RUNS`; `prepare` and a full GC run outside the timing. */
async function medianMs<T>(prepare: () => T, measured: (prepared: T) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + RUNS; run++) {
    const prepared = prepare();
    collect();
    const started = now();
    await measured(prepared);
    if (run >= WARMUP_RUNS) samples.push(now() - started);
  }
  return median(samples);
}

export async function deployLarge(): Promise<Row[]> {
  const xml = chainXml(TASKS);
  const extensions = moddleExtensions();

  const moddle = new BpmnModdle(extensions);
  const parsed = (await moddle.fromXML(xml, 'bpmn:Definitions')) as { warnings: unknown[]; elementsById: Record<string, unknown> };
  if (parsed.warnings.length > 0 || !parsed.elementsById[`task-${TASKS}`]) throw new Error('bpmn-moddle did not read the chain cleanly');
  const moddleMs = await medianMs(() => moddle, (reader) => reader.fromXML(xml, 'bpmn:Definitions'));

  const pravahMs = await medianMs(createEngine, async (engine) => {
    const [deployed] = await engine.deploy(xml);
    if (deployed?.key !== 'chain' || !deployed.isNew) throw new Error('Pravah did not deploy the chain');
    engine.close();
  });

  // The constructor starts parsing `source` at once, so it is inside the timing.
  const bpmnEngineMs = await medianMs(
    () => xml,
    async (source) => {
      const [definition] = await new BpmnEngine({ source, moddleOptions: extensions }).getDefinitions();
      if (!definition?.getActivityById(`task-${TASKS}`)) throw new Error('bpmn-engine did not load the chain');
    },
  );

  const limit = TARGET_FACTOR * moddleMs;
  const verdict = atMost(pravahMs, limit);
  const details = { tasks: TASKS, xmlBytes: xml.length, warmupRuns: WARMUP_RUNS, runs: RUNS, statistic: 'median' };
  return [
    {
      workload: `W4 deploy ${TASKS.toLocaleString('en')} tasks vs bpmn-moddle fromXML`,
      unit: 'ms',
      pravah: pravahMs,
      other: moddleMs,
      otherLabel: 'bpmn-moddle fromXML',
      ratio: moddleMs / pravahMs,
      target: `<= ${TARGET_FACTOR}x fromXML (${limit.toFixed(0)} ms)`,
      met: verdict.met,
      margin: verdict.margin,
      details: { ...details, pravahOverModdle: pravahMs / moddleMs, targets: { maxFactorOverFromXml: TARGET_FACTOR } },
    },
    {
      workload: `W4 deploy ${TASKS.toLocaleString('en')} tasks vs bpmn-engine load`,
      unit: 'ms',
      pravah: pravahMs,
      other: bpmnEngineMs,
      otherLabel: 'bpmn-engine getDefinitions()',
      ratio: bpmnEngineMs / pravahMs,
      target: '-',
      met: null,
      margin: '',
      details: { ...details, bpmnEngineMeasure: 'new Engine({ source, moddleOptions }) then await getDefinitions(): bpmn-moddle 9 parse + serialize + build' },
    },
  ];
}
