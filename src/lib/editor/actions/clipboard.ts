import { clipText, readClip } from '../clipboard';
import { stackTextOf } from '../text/detect';
import type { Action, ActionContext } from './action';

export const copy: Action = {
  id: 'copy',
  label: { en: 'Copy', ko: '복사' },
  keys: ['Mod+C'],
  enabled: ({ app }) => app.editor.selection.length > 0,
  run: (ctx) => {
    const clip = ctx.app.editor.copy();
    if (clip) ctx.writeClipboard(clipText(clip));
  }
};

export const cut: Action = {
  id: 'cut',
  label: { en: 'Cut', ko: '잘라내기' },
  keys: ['Mod+X'],
  enabled: ({ app }) => app.editor.selection.length > 0,
  run: (ctx) => {
    const clip = ctx.app.editor.copy();
    if (!clip) return;
    ctx.writeClipboard(clipText(clip));
    ctx.app.editor.deleteSelection();
  }
};

/**
 * Paste stack text (a ```stackdraw block, a .stack file's text) as a document is pasted; text
 * that does not read is refused with its first error's line, column and words.
 */
async function pasteStackText(
  ctx: ActionContext,
  stack: { text: string; lineShift: number }
): Promise<void> {
  const { editor } = ctx.app;
  const { readStackClip } = await import('../text/lazy');
  const read = readStackClip(stack.text, editor.lang);
  if (read.ok) {
    // An earlier refusal no longer stands beside what was just pasted.
    if (editor.notice?.kind === 'error') editor.notice = null;
    return editor.paste(read.clip);
  }
  const { line, column, message, hint } = read.error;
  editor.say(editor.t.pasteStackFailed(line + stack.lineShift, column, message, hint), 'error');
}

/**
 * Paste: what the system clipboard holds (nodes copied in any stackdraw tab, a stackdraw
 * document as JSON, SVG or stack text). Only when reading the clipboard is refused or
 * unavailable (or it holds no text) is the in-app copy pasted; other text pastes nothing and
 * the status says why. With one node selected, the pasted stacks run on it where they may.
 */
export const paste: Action = {
  id: 'paste',
  label: { en: 'Paste', ko: '붙여넣기' },
  description: {
    en: 'Paste (onto the selected node)',
    ko: '붙여넣기 (선택한 노드 위에)'
  },
  keys: ['Mod+V'],
  run: async (ctx) => {
    const { editor } = ctx.app;
    const text = await ctx.readClipboard();
    if (!text) return editor.paste('copied');
    const stack = stackTextOf(text);
    if (stack !== undefined) return pasteStackText(ctx, stack);
    const clipboard = ctx.app.settings.lang === 'ko' ? '클립보드' : 'the clipboard';
    const clip = await ctx.app.busy(clipboard, text.length, () => readClip(text));
    if (clip) editor.paste(clip);
    else editor.say(editor.t.clipboardNotDiagram, 'error');
  }
};

export const duplicate: Action = {
  id: 'duplicate',
  label: { en: 'Duplicate', ko: '복제' },
  description: { en: 'Duplicate (on the same host)', ko: '복제 (같은 호스트 위에)' },
  keys: ['Mod+D'],
  enabled: ({ app }) => app.editor.selection.length > 0,
  run: ({ app }) => app.editor.duplicate()
};

export const selectAll: Action = {
  id: 'select-all',
  label: { en: 'Select all', ko: '모두 선택' },
  keys: ['Mod+A'],
  run: ({ app }) => app.editor.selectAll()
};
