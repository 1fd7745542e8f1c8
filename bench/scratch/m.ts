import { BpmnModdle } from 'bpmn-moddle';
import { moddleExtensions } from '../src/shared.js';
const m = new BpmnModdle(moddleExtensions());
const r = await m.fromXML(`<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d"><bpmn:process id="p"><bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="x"/></bpmn:extensionElements></bpmn:serviceTask></bpmn:process></bpmn:definitions>`);
console.log(r.warnings, Object.keys(r.rootElement), JSON.stringify(r.rootElement).slice(0,600));
