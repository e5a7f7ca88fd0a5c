import type { Action } from './action';

/** The canvas node with the keyboard focus, else the one selected node. */
function target(ctx: Parameters<Action['run']>[0]): string | undefined {
  const node = ctx.focused()?.closest?.('.svelte-flow__node');
  const id = node?.getAttribute('data-id');
  if (id && ctx.app.editor.doc.nodes.some((n) => n.id === id)) return id;
  const sel = ctx.app.editor.selection;
  return sel.length === 1 ? sel[0] : undefined;
}

export const rename: Action = {
  id: 'rename',
  label: { en: 'Rename', ko: '이름 바꾸기' },
  description: {
    en: 'Rename the focused or selected node (or double-click it); in “What if”, fail or repair it',
    ko: '포커스되거나 선택한 노드 이름 바꾸기 (두 번 클릭도); ‘고장 나면?’에서는 고장/복구'
  },
  keys: ['F2', 'Enter'],
  enabled: (ctx) => target(ctx) !== undefined,
  run: (ctx) => {
    const id = target(ctx);
    if (id === undefined) return;
    // In "What if … fails?" the keyboard fails the focused node, as a click does.
    if (ctx.app.editor.whatIf.active) {
      ctx.app.editor.whatIf.toggle(id);
      return;
    }
    ctx.app.editor.select([id]);
    // Focus comes back to the node itself when renaming ends.
    ctx.app.editor.focusReturn = null;
    ctx.app.editor.renaming = id;
  }
};
