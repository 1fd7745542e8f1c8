/**
 * `inclusiveJoinUpstream`: for every inclusive gateway with more than one incoming flow, the ids of the nodes in
 * the same scope from which the gateway can be reached over sequence flows without passing through the gateway
 * itself. A sub-process is one node of its parent scope (its inner flows live in another scope). A token on an
 * activity can also leave through its boundary events, so each boundary event counts as an extra outgoing edge of
 * the activity it is attached to, and a link throw event as an edge to the link catch events of the same name in its
 * scope. One backward search per joining gateway, each linear in the size of the scope;
 * ids come out in document order.
 */
import type { ProcessModel } from '../model/definition.js';

export function computeInclusiveJoinUpstream(model: ProcessModel): Record<string, string[]> {
  const upstream: Record<string, string[]> = Object.create(null);
  let order: Map<string, number> | undefined;
  let linkThrows: Map<string, string[]> | undefined;
  for (const gateway of Object.values(model.nodes)) {
    if (gateway.type !== 'inclusiveGateway' || gateway.incoming.length < 2) continue;
    order ??= new Map(Object.keys(model.nodes).map((id, index) => [id, index]));
    linkThrows ??= linkThrowsByName(model);
    const reached = new Set<string>();
    const queue: string[] = [gateway.id];
    const reach = (sourceId: string | undefined): void => {
      if (!sourceId || sourceId === gateway.id || reached.has(sourceId) || !Object.hasOwn(model.nodes, sourceId)) return;
      if (model.nodes[sourceId].scopeId !== gateway.scopeId) return;
      reached.add(sourceId);
      queue.push(sourceId);
    };
    for (let i = 0; i < queue.length; i++) {
      const node = model.nodes[queue[i]];
      for (const flowId of node.incoming) reach(model.flows[flowId]?.sourceId);
      if (node.type === 'boundaryEvent') reach(node.attachedTo);
      if (node.type === 'intermediateCatchEvent' && node.eventDefinition.type === 'link') {
        for (const throwId of linkThrows.get(`${node.scopeId}|${node.eventDefinition.linkName}`) ?? []) reach(throwId);
      }
    }
    const byDocumentOrder = order;
    upstream[gateway.id] = [...reached].sort((a, b) => (byDocumentOrder.get(a) ?? 0) - (byDocumentOrder.get(b) ?? 0));
  }
  return upstream;
}

/** Link throw event ids by `scopeId|linkName`. */
function linkThrowsByName(model: ProcessModel): Map<string, string[]> {
  const throws = new Map<string, string[]>();
  for (const node of Object.values(model.nodes)) {
    if (node.type !== 'intermediateThrowEvent' || node.eventDefinition?.type !== 'link') continue;
    const key = `${node.scopeId}|${node.eventDefinition.linkName}`;
    throws.set(key, [...(throws.get(key) ?? []), node.id]);
  }
  return throws;
}
