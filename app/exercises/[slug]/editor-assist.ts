import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { EditorView, keymap, showTooltip, type Tooltip, type ViewUpdate } from "@codemirror/view";
import type { Lang } from "@/lib/grader/types";
import { docInLanguage } from "@/lib/workspace/doc-language";
import type { AssistCompletions, AssistEdit, AssistSignature } from "@/lib/workspace/browser/ts-assist";

/** The TypeScript worker's methods this file uses (lib/workspace/browser/ts-worker.ts, through Comlink). */
export type AssistWorker = {
  getCompletions(args: { path: string; pos: number; explicit: boolean }): Promise<AssistCompletions>;
  getImportEdits(args: { path: string; pos: number; name: string; source: string; data: unknown }): Promise<AssistEdit[]>;
  getSignatureHelp(args: { path: string; pos: number }): Promise<AssistSignature>;
};

type Texts = { importFrom: (module: string) => string; lang: Lang };

/**
 * Completions from the TypeScript service, including the `ipc` exports the file doesn't
 * import yet: choosing `mutex_create` types the name and adds it to `import { … } from "ipc"`
 * (the fix of fix-the-race needs functions the starter doesn't import).
 */
function completionSource(worker: AssistWorker, path: string, texts: Texts) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const result = await worker.getCompletions({ path, pos: context.pos, explicit: context.explicit });
    // Even when typing went on meanwhile (context.aborted): CodeMirror filters a result that is
    // still valid for the longer word (validFor), and returning null instead left fast typists
    // without a list.
    if (!result) return null;
    const options: Completion[] = result.options.map((o) => {
      const auto = o.autoImport;
      if (!auto) return { label: o.label, type: o.type, boost: o.boost };
      return {
        label: o.label,
        type: o.type,
        boost: o.boost,
        detail: texts.importFrom(auto.module),
        apply: (view: EditorView, _completion: Completion, from: number, to: number) => {
          view.dispatch({ changes: { from, to, insert: o.label }, selection: { anchor: from + o.label.length }, userEvent: "input.complete" });
          const typed = view.state.doc;
          // The editor sent the worker the text with the name typed (tsSyncWorker, in the same
          // update; Comlink keeps the order), so the import edits come in this text's positions.
          void worker.getImportEdits({ path, pos: from + o.label.length, name: o.label, source: auto.source, data: auto.data }).then((edits) => {
            // The student kept typing meanwhile: don't guess where the import goes.
            if (edits.length === 0 || view.state.doc !== typed) return;
            view.dispatch({ changes: edits, userEvent: "input.complete" });
          });
        },
      };
    });
    // No validFor: TypeScript narrows auto-imports by what is typed (its list can be incomplete
    // for a shorter word), so every keystroke asks again, as @valtown/codemirror-ts does.
    return { from: result.from, options };
  };
}

const setSignature = StateEffect.define<Tooltip | null>();

/** The signature tooltip: shown on `(` and `,`, kept while the cursor stays in the call, hidden by Escape or by leaving it. */
const signatureField = StateField.define<Tooltip | null>({
  create: () => null,
  update(tooltip, tr) {
    for (const e of tr.effects) if (e.is(setSignature)) return e.value;
    if (!tooltip) return null;
    return tr.docChanged ? { ...tooltip, pos: tr.changes.mapPos(tooltip.pos) } : tooltip;
  },
  provide: (f) => showTooltip.from(f),
});

function signatureTooltip(help: NonNullable<AssistSignature>, pos: number, lang: Lang): Tooltip {
  return {
    pos,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "ts-signature";
      dom.setAttribute("data-testid", "signature-help");
      const code = dom.appendChild(document.createElement("code"));
      code.append(help.prefix);
      help.parameters.forEach((p, i) => {
        if (i > 0) code.append(help.separator);
        const span = code.appendChild(document.createElement(i === help.active ? "strong" : "span"));
        span.textContent = p;
      });
      code.append(help.suffix);
      if (help.documentation) dom.appendChild(document.createElement("p")).textContent = docInLanguage(help.documentation, lang);
      return { dom };
    },
  };
}

function signatureHelp(worker: AssistWorker, path: string, lang: Lang): Extension {
  let request = 0;
  const ask = (view: EditorView) => {
    const pos = view.state.selection.main.head;
    const mine = ++request;
    void worker.getSignatureHelp({ path, pos }).then((help) => {
      if (mine !== request || view.state.selection.main.head !== pos) return;
      view.dispatch({ effects: setSignature.of(help ? signatureTooltip(help, pos, lang) : null) });
    });
  };
  return [
    signatureField,
    EditorView.updateListener.of((u: ViewUpdate) => {
      const open = u.state.field(signatureField) !== null;
      let typedTrigger = false;
      if (u.docChanged)
        u.changes.iterChanges((_fromA, _toA, _fromB, _toB, inserted) => {
          const text = inserted.toString();
          if (text.startsWith("(") || text === ",") typedTrigger = true;
        });
      // The sync to the worker (tsSyncWorker) is sent from the same update, before this request: Comlink keeps the order.
      if (typedTrigger) ask(u.view);
      else if (open && (u.docChanged || u.selectionSet)) ask(u.view);
      else if (open && u.focusChanged && !u.view.hasFocus) u.view.dispatch({ effects: setSignature.of(null) });
    }),
    keymap.of([
      {
        key: "Escape",
        run: (view) => {
          if (view.state.field(signatureField) === null) return false;
          view.dispatch({ effects: setSignature.of(null) });
          return true;
        },
      },
    ]),
  ];
}

/** Completions with auto-import, and signature help, from the TypeScript worker. */
export function editorAssist(worker: AssistWorker, path: string, texts: Texts): Extension {
  return [autocompletion({ override: [completionSource(worker, path, texts)] }), signatureHelp(worker, path, texts.lang)];
}
