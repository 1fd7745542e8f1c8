/**
 * `inclusiveJoinUpstream`: for every inclusive gateway with more than one incoming flow, the ids of the nodes in
 * the same scope from which the gateway can be reached over sequence flows without passing through the gateway
 * itself. A sub-process is one node of its parent scope (its inner flows live in another scope). One backward
 * search per joining gateway, each linear in the size of the scope; ids come out in document order.
 */
import type { ProcessModel } from '../model/definition.js';

export function computeInclusiveJoinUpstream(model: ProcessModel): Record<string, string[]> {
  const upstream: Record<string, string[]> = Object.create(null);
  let order: Map<string, number> | undefined;
  for (const gateway of Object.values(model.nodes)) {
    if (gateway.type !== 'inclusiveGateway' || gateway.incoming.length < 2) continue;
    order ??= new Map(Object.keys(model.nodes).map((id, index) => [id, index]));
    const reached = new Set<string>();
    const queue: string[] = [gateway.id];
    for (let i = 0; i < queue.length; i++) {
      for (const flowId of model.nodes[queue[i]].incoming) {
        const sourceId = model.flows[flowId]?.sourceId;
        if (!sourceId || sourceId === gateway.id || reached.has(sourceId) || !Object.hasOwn(model.nodes, sourceId)) continue;
        if (model.nodes[sourceId].scopeId !== gateway.scopeId) continue;
        reached.add(sourceId);
        queue.push(sourceId);
      }
    }
    const byDocumentOrder = order;
    upstream[gateway.id] = [...reached].sort((a, b) => (byDocumentOrder.get(a) ?? 0) - (byDocumentOrder.get(b) ?? 0));
  }
  return upstream;
}
