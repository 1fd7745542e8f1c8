import type { UserTaskNode } from '../../model/definition.js';
import type { ElementBehavior } from '../element-behavior.js';
import { evaluateAssignment } from '../waits/user-task-assignment.js';

/** User task: creates a task (assignee, candidates, due date, form key) and waits for `completeTask`. */
export const userTask: ElementBehavior<UserTaskNode> = {
  activate(execution, elementInstance, node) {
    const assignment = evaluateAssignment(node.assignment, execution.variablesFor(elementInstance), execution.now, execution.functions);
    elementInstance.wait = {
      kind: 'userTask',
      taskId: `${execution.state.id}.${elementInstance.id}`,
      ...(node.name === undefined ? {} : { name: node.name }),
      ...assignment,
    };
  },
};
