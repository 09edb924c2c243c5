"use client";

import { useEffect, useRef } from "react";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, type ViewUpdate } from "@codemirror/view";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { javascript } from "@codemirror/lang-javascript";
import { closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { tsFacetWorker, tsHoverWorker, tsLinterWorker, tsSyncWorker, type HoverInfo } from "@valtown/codemirror-ts";
import type { WorkerShape } from "@valtown/codemirror-ts/worker";
import { EDITOR_FILES } from "@/lib/workspace/browser/editor-compiler-options";
import { docInLanguage } from "@/lib/workspace/doc-language";
import type { Lang } from "@/lib/grader/types";
import { editorAssist, type AssistWorker } from "./editor-assist";

export type CodeEditorHandle = {
  getValue(): string;
  setValue(text: string): void;
  goTo(line: number, column: number): void;
};

type Props = {
  /** Called once, when the editor is created in the browser (the text may come from localStorage). */
  initial: () => string;
  label: string;
  lang: Lang;
  /** "import from ipc" beside an auto-import completion, in the UI language. */
  importFrom: (module: string) => string;
  /** The TypeScript worker's proxy; null until it is created. */
  tsWorker: (WorkerShape & AssistWorker) | null;
  onChange(text: string): void;
  onRun(): void;
  onSubmit(): void;
  handleRef: React.RefObject<CodeEditorHandle | null>;
};

/**
 * CodeMirror 6 with TypeScript highlighting and, through @valtown/codemirror-ts, the
 * TypeScript service in a worker: completions, hover docs and type errors for the `ipc`
 * module. Tab is left to focus navigation (no key trap); Ctrl/⌘+Enter runs and
 * Ctrl/⌘+Shift+Enter submits, ahead of the default "insert blank line" binding.
 */
/** Hover: the signature and the ko/en documentation of the `ipc` typings (the library's default shows the signature only). */
function renderHover(info: HoverInfo, lang: Lang) {
  const dom = document.createElement("div");
  dom.className = "ts-hover";
  const text = (parts?: Array<{ text: string }>) => (parts ?? []).map((p) => p.text).join("");
  const signature = dom.appendChild(document.createElement("code"));
  signature.textContent = text(info.quickInfo?.displayParts);
  const docs = docInLanguage(text(info.quickInfo?.documentation), lang);
  if (docs) dom.appendChild(document.createElement("p")).textContent = docs;
  return { dom };
}

export function CodeEditor({ initial, label, lang, importFrom, tsWorker, onChange, onRun, onSubmit, handleRef }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const typescript = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun, onSubmit });
  useEffect(() => {
    callbacks.current = { onChange, onRun, onSubmit };
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial(),
        extensions: [
          Prec.highest(
            keymap.of([
              { key: "Mod-Shift-Enter", run: () => (callbacks.current.onSubmit(), true) },
              { key: "Mod-Enter", run: () => (callbacks.current.onRun(), true) },
            ]),
          ),
          // CodeMirror 6's basic setup, assembled from its packages (no CDN, nothing unused).
          lineNumbers(),
          history(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          drawSelection(),
          indentUnit.of("  "),
          indentOnInput(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
          javascript({ typescript: true }),
          lintGutter(),
          typescript.current.of([]),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u: ViewUpdate) => {
            if (u.docChanged) callbacks.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    handleRef.current = {
      getValue: () => editor.state.doc.toString(),
      setValue: (text) => editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } }),
      goTo: (line, column) => {
        const l = editor.state.doc.line(Math.min(Math.max(1, line), editor.state.doc.lines));
        editor.dispatch({ selection: { anchor: Math.min(l.from + Math.max(0, column - 1), l.to) }, scrollIntoView: true });
        editor.focus();
      },
    };
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; `initial` is only the first text
  }, []);

  // The TypeScript service arrives after the editor (its worker takes a moment to load): plug it in without a rebuild.
  useEffect(() => {
    if (!tsWorker || !view.current) return;
    view.current.dispatch({
      effects: typescript.current.reconfigure([tsFacetWorker.of({ worker: tsWorker, path: EDITOR_FILES.source }), tsSyncWorker(), tsLinterWorker(), editorAssist(tsWorker, EDITOR_FILES.source, { importFrom, lang }), tsHoverWorker({ renderTooltip: (info) => renderHover(info, lang) })]),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- importFrom and lang are fixed for the page
  }, [tsWorker]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}
