"use client";

import { useEffect, useId, useRef } from "react";

/** A modal confirmation on the native <dialog>: focus moves into it, Escape cancels, focus returns afterwards. */
export function ConfirmDialog({ open, title, body, confirm, cancel, onConfirm, onClose }: { open: boolean; title: string; body: string; confirm: string; cancel: string; onConfirm(): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A page can hold several dialogs (reset, late submit): fixed ids would name each after the first.
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {cancel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
